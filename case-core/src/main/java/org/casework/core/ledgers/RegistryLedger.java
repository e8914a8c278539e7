package org.casework.core.ledgers;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.casework.core.clients.CategoryType;
import org.casework.core.clients.ChildProfile;
import org.casework.core.clients.Client;
import org.casework.core.clients.ClientCategory;
import org.casework.core.clients.ElderlyProfile;
import org.casework.core.clients.PhoneNumber;
import org.springframework.stereotype.Component;

/**
 * The registry ledgers (留守儿童, 困境儿童, 老年人): one row per person whose category held at some
 * time in the period, with the columns a county reports. Reads in keyset batches and clears the
 * persistence context after each, so neither the entity manager nor the sheet grows with the rows.
 */
@Component
@RequiredArgsConstructor
class RegistryLedger {

    static final int BATCH = 500;

    private final EntityManager em;

    List<String> headers(LedgerKind kind, LedgerLabels l) {
        List<String> h = new ArrayList<>(List.of(
                l.text("ledger.col.number"),
                l.text("ledger.col.name"),
                l.text("ledger.col.sex"),
                l.text("ledger.col.birthDate"),
                l.text("ledger.col.age"),
                l.text("ledger.col.idNumber"),
                l.text("ledger.col.township"),
                l.text("ledger.col.village")));
        switch (kind) {
            case LEFT_BEHIND_CHILDREN ->
                h.addAll(List.of(
                        l.text("ledger.col.father"),
                        l.text("ledger.col.mother"),
                        l.text("ledger.col.guardian"),
                        l.text("ledger.col.guardianRelation"),
                        l.text("ledger.col.guardianPhone"),
                        l.text("ledger.col.carer"),
                        l.text("ledger.col.carerPhone")));
            case CHILDREN_IN_DIFFICULTY ->
                h.addAll(List.of(
                        l.text("ledger.col.subType"),
                        l.text("ledger.col.guardian"),
                        l.text("ledger.col.guardianRelation"),
                        l.text("ledger.col.guardianPhone")));
            default ->
                h.addAll(List.of(
                        l.text("ledger.col.subType"),
                        l.text("ledger.col.phone"),
                        l.text("ledger.col.living"),
                        l.text("ledger.col.supporters")));
        }
        h.addAll(List.of(
                l.text("ledger.col.categoryFrom"), l.text("ledger.col.categoryTo"), l.text("ledger.col.source")));
        return h;
    }

    /**
     * Three queries per batch of {@value #BATCH} category holders, whatever the batch holds: the next
     * ids along the category index (type, client id) in id order, so each batch reads only its own
     * index entries; those of them living in the jurisdiction; and their categories of the ledger's
     * type. Reading each client's category list lazily cost one more query per few rows, and a
     * keyset query joined to the client table let MariaDB start from the region index and sort the
     * whole jurisdiction again for every batch.
     */
    void write(LedgerKind kind, ExportScope scope, LedgerSheet sheet) {
        CategoryType type = kind.category();
        UUID after = null;
        while (true) {
            var ids = em.createQuery(
                            "select distinct k.client.id from ClientCategory k"
                                    + " where k.type = :type and k.validFrom <= :to"
                                    + " and (k.validTo is null or k.validTo >= :from)"
                                    + (after == null ? "" : " and k.client.id > :after")
                                    + " order by k.client.id",
                            UUID.class)
                    .setParameter("type", type)
                    .setParameter("from", scope.from)
                    .setParameter("to", scope.to)
                    .setMaxResults(BATCH);
            if (after != null) {
                ids.setParameter("after", after);
            }
            List<UUID> holders = ids.getResultList();
            if (holders.isEmpty()) {
                return;
            }
            Map<UUID, Client> clients = new HashMap<>();
            em.createQuery(
                            "select c from Client c where c.id in :ids and c.residenceRegionCode like :scope",
                            Client.class)
                    .setParameter("ids", holders)
                    .setParameter("scope", scope.scopePattern)
                    .getResultList()
                    .forEach(c -> clients.put(c.getId(), c));
            List<UUID> batch = holders.stream().filter(clients::containsKey).toList();
            Map<UUID, List<ClientCategory>> held = new HashMap<>();
            if (!batch.isEmpty()) {
                em.createQuery(
                                "select k from ClientCategory k where k.client.id in :ids and k.type = :type"
                                        + " and k.validFrom <= :to and (k.validTo is null or k.validTo >= :from)"
                                        + " order by k.validFrom",
                                ClientCategory.class)
                        .setParameter("ids", batch)
                        .setParameter("type", type)
                        .setParameter("from", scope.from)
                        .setParameter("to", scope.to)
                        .getResultList()
                        .forEach(k -> held.computeIfAbsent(k.getClient().getId(), x -> new ArrayList<>())
                                .add(k));
            }
            for (UUID id : batch) {
                sheet.add(row(kind, clients.get(id), held.get(id), sheet.rowCount() + 1, scope));
            }
            if (holders.size() < BATCH) {
                return;
            }
            after = holders.get(holders.size() - 1);
            em.clear();
        }
    }

    /** @param held the client's categories of the ledger's type that held in the period, oldest first */
    private Object[] row(LedgerKind kind, Client c, List<ClientCategory> held, int number, ExportScope s) {
        LedgerLabels l = s.labels;
        ClientCategory first = held.get(0);
        LocalDate end = held.stream().anyMatch(k -> k.getValidTo() == null)
                ? null
                : held.stream()
                        .map(ClientCategory::getValidTo)
                        .max(Comparator.naturalOrder())
                        .orElse(null);
        if (kind == LedgerKind.LEFT_BEHIND_CHILDREN
                && (end == null || end.isAfter(c.lastLeftBehindDay()))
                && !c.lastLeftBehindDay().isAfter(s.today)) {
            // a 留守儿童 category never holds from the 16th birthday, even before the daily review ends it
            end = c.lastLeftBehindDay();
        }
        String subTypes = held.stream()
                .map(ClientCategory::getSubType)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .map(t -> l.of("subType", t))
                .collect(Collectors.joining("、"));
        List<Object> row = new ArrayList<>(List.of(
                number,
                c.getFullName(),
                l.of("sex", c.getSex()),
                c.getBirthDate(),
                c.ageOn(s.to.isAfter(s.today) ? s.today : s.to)));
        row.add(s.fullNumbers ? c.getIdNumber() : c.maskedIdNumber());
        row.add(s.townshipOf(c.getResidenceRegionCode()));
        row.add(s.nameOf(c.getResidenceRegionCode()));
        ChildProfile child = c.getChildProfile();
        ElderlyProfile elderly = c.getElderlyProfile();
        switch (kind) {
            case LEFT_BEHIND_CHILDREN -> {
                row.add(child == null ? "" : l.of("parentStatus", child.getFatherStatus()));
                row.add(child == null ? "" : l.of("parentStatus", child.getMotherStatus()));
                row.add(child == null ? null : child.getGuardianName());
                row.add(child == null ? null : child.getGuardianRelation());
                row.add(child == null ? null : phone(child.getGuardianPhone(), s));
                row.add(child == null ? null : child.getCarerName());
                row.add(child == null ? null : phone(child.getCarerPhone(), s));
            }
            case CHILDREN_IN_DIFFICULTY -> {
                row.add(subTypes);
                row.add(child == null ? null : child.getGuardianName());
                row.add(child == null ? null : child.getGuardianRelation());
                row.add(child == null ? null : phone(child.getGuardianPhone(), s));
            }
            default -> {
                row.add(subTypes);
                row.add(phone(c.getPhone(), s));
                row.add(elderly == null ? "" : l.of("living", elderly.getLivingArrangement()));
                row.add(elderly == null ? null : elderly.getSupporters());
            }
        }
        row.add(first.getValidFrom());
        row.add(end);
        row.add(l.of("source", first.getSource()));
        return row.toArray();
    }

    /** A phone as the export shows it: masked unless full numbers were asked for with a reason. */
    static String phone(String value, ExportScope s) {
        if (value == null) {
            return null;
        }
        return s.fullNumbers ? value : new PhoneNumber(value).masked();
    }
}
