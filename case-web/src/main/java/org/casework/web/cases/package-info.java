/** Case pages: the station's case list, opening a case from a client, and the case workspace. */
package org.casework.web.cases;
