/** Bearer-token authentication of the REST API. */
package org.casework.api.security;
