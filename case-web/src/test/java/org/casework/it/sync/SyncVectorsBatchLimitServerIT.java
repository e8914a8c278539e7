package org.casework.it.sync;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.springframework.test.context.TestPropertySource;

/**
 * Vector 07 against the real server: its server lowered the batch limit to one mutation per sync
 * after the device registered, so it runs on a server started with that limit.
 */
@TestPropertySource(properties = "casework.sync.max-mutations-per-sync=1")
class SyncVectorsBatchLimitServerIT extends SyncVectorsServerIT {

    @Override
    Stream<Path> vectors() throws IOException {
        return allVectors().filter(p -> p.getFileName().toString().startsWith("07-"));
    }
}
