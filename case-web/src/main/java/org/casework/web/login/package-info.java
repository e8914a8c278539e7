/** The login page; authentication itself is Spring Security's form login. */
package org.casework.web.login;
