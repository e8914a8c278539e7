/** Change history and the log of who viewed sensitive data. */
package org.casework.core.audit;
