/** The start page after login. */
package org.casework.web.home;
