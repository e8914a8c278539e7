/** Service plans (服务计划): versioned per case, drafted, submitted, approved or returned, then carried out. */
package org.casework.core.plans;
