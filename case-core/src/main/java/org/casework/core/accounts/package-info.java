/** Users, roles, permissions, jurisdictions, login lockout and bearer tokens. */
package org.casework.core.accounts;
