/** The client registry over HTTP: masked by default, versioned updates. */
package org.casework.api.clients;
