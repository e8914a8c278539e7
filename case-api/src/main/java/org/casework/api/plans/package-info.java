/** Service plans over HTTP: versions per case, drafting, submission, review, activities done. */
package org.casework.api.plans;
