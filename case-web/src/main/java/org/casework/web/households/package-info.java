/** Household pages: list and register households, a household with its members. */
package org.casework.web.households;
