/** Client registry pages: search, register, edit, the client page with categories and history. */
package org.casework.web.clients;
