/** User administration for administrators. */
package org.casework.web.admin;
