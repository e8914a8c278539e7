/** Wiring shared by all features: clock, password hashing, JPA auditing. */
package org.casework.core.config;
