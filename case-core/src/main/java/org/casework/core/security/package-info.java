/** Who is acting: roles, permissions, jurisdiction, and the current actor of a request. */
package org.casework.core.security;
