package org.casework.web.cases;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.accounts.AccountService;
import org.casework.core.cases.CaseFile;
import org.casework.core.cases.CaseService;
import org.casework.core.clients.ClientService;
import org.springframework.stereotype.Component;

/** Case lists with their clients' and workers' names, fetched once per list rather than per row. */
@Component
@RequiredArgsConstructor
public class CaseRows {

    private final CaseService cases;
    private final ClientService clients;
    private final AccountService accounts;

    /** The cases of one client, for the client page. */
    public List<CaseRow> forClient(UUID clientId) {
        return of(cases.forClient(clientId));
    }

    List<CaseRow> of(List<CaseFile> files) {
        Set<UUID> clientIds = new HashSet<>();
        Set<UUID> workerIds = new HashSet<>();
        files.forEach(c -> {
            clientIds.add(c.getPrimaryClientId());
            workerIds.add(c.getAssignedWorkerId());
        });
        workerIds.remove(null);
        Map<UUID, String> clientNames = clients.namesOf(clientIds);
        Map<UUID, String> workerNames = accounts.staffNames(workerIds);
        return files.stream()
                .filter(Objects::nonNull)
                .map(c -> CaseRow.of(c, clientNames, workerNames))
                .toList();
    }
}
