package org.casework;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The server's timed jobs (escalations, the nightly visit refresh). Off only for the operators'
 * commands, which must not escalate flags or send texts while they set up or re-key a database.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "casework.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class CaseworkScheduling {}
