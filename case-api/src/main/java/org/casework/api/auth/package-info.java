/** Token issue and revocation for API clients and devices. */
package org.casework.api.auth;
