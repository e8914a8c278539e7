/** User administration over HTTP. */
package org.casework.api.users;
