/** The REST API under /api/v1: thin controllers over the core services. */
package org.casework.api;
