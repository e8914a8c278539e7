/** The station web UI: server-rendered pages that call the core services only. */
package org.casework.web;
