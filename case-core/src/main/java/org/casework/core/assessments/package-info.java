/** Assessment instruments (versioned data files), their scoring policies and signed assessments. */
package org.casework.core.assessments;
