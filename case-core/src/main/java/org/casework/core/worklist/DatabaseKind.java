package org.casework.core.worklist;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.stereotype.Component;

/**
 * Which database the worklist's native queries run on. H2 and MariaDB read the same SQL, but each
 * sees an index as sorted under different conditions, so a page query names what the one needs.
 */
@Component
class DatabaseKind {

    private final boolean h2;

    DatabaseKind(EntityManagerFactory entityManagerFactory) {
        this.h2 = entityManagerFactory
                        .unwrap(SessionFactoryImplementor.class)
                        .getJdbcServices()
                        .getDialect()
                instanceof H2Dialect;
    }

    boolean isH2() {
        return h2;
    }
}
