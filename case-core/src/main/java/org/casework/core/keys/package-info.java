/**
 * The key that encrypts sensitive fields at rest: refusing published or weak keys in production,
 * knowing which key the database's fields are under, and rotating them to a new key.
 */
package org.casework.core.keys;
