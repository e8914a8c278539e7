package org.casework.core.clients;

import org.casework.core.keys.BlindIndexedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ID-number blind index of the registry, recomputed when the encryption key is rotated. */
@Configuration(proxyBeanMethods = false)
class IdNumberIndex {

    @Bean
    BlindIndexedColumn clientIdNumberIndex() {
        return new BlindIndexedColumn(
                "client",
                "id_number_enc",
                "id_number_hash",
                stored -> ResidentIdNumber.parse(stored).indexForm());
    }
}
