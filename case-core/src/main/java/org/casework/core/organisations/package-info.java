/** County centres, township stations, village rooms and partner departments, bound to regions. */
package org.casework.core.organisations;
