/** The client registry: people, their dated categories, child and elderly profiles, search. */
package org.casework.core.clients;
