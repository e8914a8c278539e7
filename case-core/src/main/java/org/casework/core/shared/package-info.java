/** Shared kernel: aggregate base, domain exceptions, the acting user and field encryption. */
package org.casework.core.shared;
