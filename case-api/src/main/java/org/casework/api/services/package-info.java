/** Service records over HTTP: log, list by client or case, void. */
package org.casework.api.services;
