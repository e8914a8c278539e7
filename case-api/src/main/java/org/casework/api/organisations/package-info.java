/** Organisations over HTTP. */
package org.casework.api.organisations;
