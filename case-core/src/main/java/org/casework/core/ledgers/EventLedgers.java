package org.casework.core.ledgers;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.cases.CaseFile;
import org.casework.core.clients.Client;
import org.casework.core.flags.Flag;
import org.casework.core.referrals.Referral;
import org.casework.core.services.ServiceRecord;
import org.casework.core.services.ServiceType;
import org.casework.core.shared.ChinaTime;
import org.springframework.stereotype.Component;

/**
 * The ledgers of events in a period: visits (走访记录), flags with mandatory reports, cases and
 * referrals. Same
 * keyset batches as the registry ledgers. The flag ledger never names the reporter: whoever raised
 * a flag is protected (product.md), and a ledger travels further than the flag queue.
 */
@Component
@RequiredArgsConstructor
class EventLedgers {

    /** 走访: visits at home and by phone or video; other services (counselling, aid) are not visits. */
    static final List<ServiceType> VISIT_TYPES =
            List.of(ServiceType.HOME_VISIT, ServiceType.PHONE_CALL, ServiceType.VIDEO_CALL);

    private final EntityManager em;

    List<String> headers(LedgerKind kind, LedgerLabels l) {
        if (kind == LedgerKind.VISITS) {
            return List.of(
                    l.text("ledger.col.number"),
                    l.text("ledger.col.visitDate"),
                    l.text("ledger.col.name"),
                    l.text("ledger.col.sex"),
                    l.text("ledger.col.idNumber"),
                    l.text("ledger.col.township"),
                    l.text("ledger.col.village"),
                    l.text("ledger.col.visitType"),
                    l.text("ledger.col.duration"),
                    l.text("ledger.col.recordedBy"));
        }
        if (kind == LedgerKind.CASES) {
            return List.of(
                    l.text("ledger.col.number"),
                    l.text("ledger.col.caseNumber"),
                    l.text("ledger.col.name"),
                    l.text("ledger.col.idNumber"),
                    l.text("ledger.col.township"),
                    l.text("ledger.col.village"),
                    l.text("ledger.col.caseSource"),
                    l.text("ledger.col.caseState"),
                    l.text("ledger.col.severity"),
                    l.text("ledger.col.openedOn"),
                    l.text("ledger.col.closedOn"),
                    l.text("ledger.col.closureReason"));
        }
        if (kind == LedgerKind.REFERRALS) {
            return List.of(
                    l.text("ledger.col.number"),
                    l.text("ledger.col.sentOn"),
                    l.text("ledger.col.name"),
                    l.text("ledger.col.township"),
                    l.text("ledger.col.village"),
                    l.text("ledger.col.receiver"),
                    l.text("ledger.col.urgency"),
                    l.text("ledger.col.referralStatus"),
                    l.text("ledger.col.acceptedOn"),
                    l.text("ledger.col.completedOn"));
        }
        return List.of(
                l.text("ledger.col.number"),
                l.text("ledger.col.raisedAt"),
                l.text("ledger.col.township"),
                l.text("ledger.col.village"),
                l.text("ledger.col.subjectName"),
                l.text("ledger.col.sex"),
                l.text("ledger.col.subjectAge"),
                l.text("ledger.col.flagType"),
                l.text("ledger.col.mandatoryReport"),
                l.text("ledger.col.severity"),
                l.text("ledger.col.flagStatus"),
                l.text("ledger.col.flagOutcome"));
    }

    void write(LedgerKind kind, ExportScope scope, LedgerSheet sheet) {
        Instant from = scope.from.atStartOfDay(ChinaTime.ZONE).toInstant();
        Instant to = scope.to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant();
        switch (kind) {
            case VISITS -> visits(scope, sheet, from, to);
            case CASES -> cases(scope, sheet, from, to);
            case REFERRALS -> referrals(scope, sheet, from, to);
            default -> flags(scope, sheet, from, to);
        }
    }

    private void visits(ExportScope s, LedgerSheet sheet, Instant from, Instant to) {
        UUID after = null;
        while (true) {
            var query = em.createQuery(
                            "select r, c from ServiceRecord r, Client c where c.id = r.clientId"
                                    + " and c.residenceRegionCode like :scope and r.voidedAt is null"
                                    + " and r.type in :visitTypes"
                                    + " and r.occurredAt >= :from and r.occurredAt < :to"
                                    + (after == null ? "" : " and r.id > :after")
                                    + " order by r.id",
                            Object[].class)
                    .setParameter("scope", s.scopePattern)
                    .setParameter("visitTypes", VISIT_TYPES)
                    .setParameter("from", from)
                    .setParameter("to", to)
                    .setMaxResults(RegistryLedger.BATCH);
            if (after != null) {
                query.setParameter("after", after);
            }
            List<Object[]> batch = query.getResultList();
            for (Object[] pair : batch) {
                ServiceRecord r = (ServiceRecord) pair[0];
                Client c = (Client) pair[1];
                sheet.add(
                        sheet.rowCount() + 1,
                        LocalDate.ofInstant(r.getOccurredAt(), ChinaTime.ZONE),
                        c.getFullName(),
                        s.labels.of("sex", c.getSex()),
                        s.fullNumbers ? c.getIdNumber() : c.maskedIdNumber(),
                        s.townshipOf(c.getResidenceRegionCode()),
                        s.nameOf(c.getResidenceRegionCode()),
                        s.labels.of("serviceType", r.getType()),
                        r.getDurationMinutes(),
                        r.getRecordedBy());
            }
            if (batch.size() < RegistryLedger.BATCH) {
                return;
            }
            after = ((ServiceRecord) batch.get(batch.size() - 1)[0]).getId();
            em.clear();
        }
    }

    private void flags(ExportScope s, LedgerSheet sheet, Instant from, Instant to) {
        UUID after = null;
        while (true) {
            var query = em.createQuery(
                            "select f from Flag f where f.villageCode like :scope"
                                    + " and f.raisedAt >= :from and f.raisedAt < :to"
                                    + (after == null ? "" : " and f.id > :after")
                                    + " order by f.id",
                            Flag.class)
                    .setParameter("scope", s.scopePattern)
                    .setParameter("from", from)
                    .setParameter("to", to)
                    .setMaxResults(RegistryLedger.BATCH);
            if (after != null) {
                query.setParameter("after", after);
            }
            List<Flag> batch = query.getResultList();
            for (Flag f : batch) {
                // deliberately no reporter column (neither id nor username)
                sheet.add(
                        sheet.rowCount() + 1,
                        LocalDate.ofInstant(f.getRaisedAt(), ChinaTime.ZONE),
                        s.townshipOf(f.getVillageCode()),
                        s.nameOf(f.getVillageCode()),
                        f.getSubjectName(),
                        s.labels.of("sex", f.getSubjectSex()),
                        f.getSubjectAgeYears(),
                        s.labels.text(f.getType().messageKey()),
                        s.labels.text(f.getType().isMandatoryReport() ? "ledger.yes" : "ledger.no"),
                        s.labels.of("risk", f.getSeverity()),
                        s.labels.of("flag.status", f.getStatus()),
                        s.labels.of("flag.outcome", f.getOutcome()));
            }
            if (batch.size() < RegistryLedger.BATCH) {
                return;
            }
            after = batch.get(batch.size() - 1).getId();
            em.clear();
        }
    }

    private void cases(ExportScope s, LedgerSheet sheet, Instant from, Instant to) {
        UUID after = null;
        while (true) {
            var query = em.createQuery(
                            "select k, c from CaseFile k, Client c where c.id = k.primaryClientId"
                                    + " and k.regionCode like :scope and k.openedAt < :to"
                                    + " and (k.closedAt is null or k.closedAt >= :from)"
                                    + (after == null ? "" : " and k.id > :after")
                                    + " order by k.id",
                            Object[].class)
                    .setParameter("scope", s.scopePattern)
                    .setParameter("from", from)
                    .setParameter("to", to)
                    .setMaxResults(RegistryLedger.BATCH);
            if (after != null) {
                query.setParameter("after", after);
            }
            List<Object[]> batch = query.getResultList();
            for (Object[] pair : batch) {
                CaseFile k = (CaseFile) pair[0];
                Client c = (Client) pair[1];
                sheet.add(
                        sheet.rowCount() + 1,
                        k.getCaseNumber(),
                        c.getFullName(),
                        s.fullNumbers ? c.getIdNumber() : c.maskedIdNumber(),
                        s.townshipOf(c.getResidenceRegionCode()),
                        s.nameOf(c.getResidenceRegionCode()),
                        s.labels.of("caseSource", k.getSource()),
                        s.labels.of("case.state", k.getState()),
                        s.labels.of("risk", k.getEffectiveRiskLevel()),
                        day(k.getOpenedAt()),
                        day(k.getClosedAt()),
                        s.labels.of("closureReason", k.getClosureReason()));
            }
            if (batch.size() < RegistryLedger.BATCH) {
                return;
            }
            after = ((CaseFile) batch.get(batch.size() - 1)[0]).getId();
            em.clear();
        }
    }

    private void referrals(ExportScope s, LedgerSheet sheet, Instant from, Instant to) {
        UUID after = null;
        while (true) {
            var query = em.createQuery(
                            "select r, c, o.name from Referral r left join Client c on c.id = r.clientId"
                                    + " left join Organisation o on o.id = r.receivingOrganisationId"
                                    + " where r.sendingRegionCode like :scope"
                                    + " and r.sentAt >= :from and r.sentAt < :to"
                                    + (after == null ? "" : " and r.id > :after")
                                    + " order by r.id",
                            Object[].class)
                    .setParameter("scope", s.scopePattern)
                    .setParameter("from", from)
                    .setParameter("to", to)
                    .setMaxResults(RegistryLedger.BATCH);
            if (after != null) {
                query.setParameter("after", after);
            }
            List<Object[]> batch = query.getResultList();
            for (Object[] triple : batch) {
                Referral r = (Referral) triple[0];
                Client c = (Client) triple[1];
                String village = c == null ? null : c.getResidenceRegionCode();
                sheet.add(
                        sheet.rowCount() + 1,
                        day(r.getSentAt()),
                        c == null ? null : c.getFullName(),
                        village == null ? s.nameOf(r.getSendingRegionCode()) : s.townshipOf(village),
                        village == null ? null : s.nameOf(village),
                        triple[2],
                        s.labels.of("referral.urgency", r.getUrgency()),
                        s.labels.of("referral.status", r.getStatus()),
                        day(r.getAcceptedAt()),
                        day(r.getCompletedAt()));
            }
            if (batch.size() < RegistryLedger.BATCH) {
                return;
            }
            after = ((Referral) batch.get(batch.size() - 1)[0]).getId();
            em.clear();
        }
    }

    private static LocalDate day(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, ChinaTime.ZONE);
    }
}
