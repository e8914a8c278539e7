package org.casework.sync.server.engine;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.cases.CaseFile;
import org.casework.core.clients.ChildProfile;
import org.casework.core.clients.Client;
import org.casework.core.clients.ClientCategory;
import org.casework.core.clients.HouseholdRelation;
import org.casework.core.clients.PhoneNumber;
import org.casework.core.flags.Flag;
import org.casework.core.flags.FlagType;
import org.casework.core.households.Household;
import org.casework.core.organisations.Organisation;
import org.casework.core.organisations.OrganisationType;
import org.casework.core.regions.Region;
import org.casework.core.security.Actor;
import org.casework.core.security.Permission;
import org.casework.core.services.ServiceRecord;
import org.casework.core.services.ServiceType;
import org.casework.core.services.VisitObservations;
import org.casework.core.shared.ChinaTime;
import org.casework.core.visits.VisitSchedule;
import org.casework.sync.protocol.PulledRecord.CaseRecord;
import org.casework.sync.protocol.PulledRecord.ClientRecord;
import org.casework.sync.protocol.PulledRecord.FlagRecord;
import org.casework.sync.protocol.PulledRecord.FlagTypeRecord;
import org.casework.sync.protocol.PulledRecord.FormField;
import org.casework.sync.protocol.PulledRecord.HouseholdRecord;
import org.casework.sync.protocol.PulledRecord.RecentVisit;
import org.casework.sync.protocol.PulledRecord.RegionRecord;
import org.casework.sync.protocol.PulledRecord.StationRecord;
import org.casework.sync.protocol.PulledRecord.VisitDueRecord;
import org.casework.sync.protocol.PulledRecord.VisitRecord;
import org.casework.sync.protocol.PulledRecord.VisitTypeRecord;
import org.casework.sync.protocol.SyncNames;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Reads the records of a scope key as a device of the actor holds them (protocol §3), with the
 * masking of the web pages for the role. Every query is limited to the scope key (a village the
 * caller covers) — the caller checks the key against the actor's scope first.
 */
@Component
@RequiredArgsConstructor
public class SyncReader {

    /** The order in which an initial sync pages through a village's records. */
    public static final List<String> VILLAGE_TYPES = List.of(
            ChangeLog.CLIENT,
            ChangeLog.HOUSEHOLD,
            ChangeLog.VISIT_DUE,
            ChangeLog.FLAG,
            ChangeLog.VISIT,
            ChangeLog.CASE);

    public static final List<String> REF_TYPES = List.of(
            SyncNames.RecordType.REGION,
            SyncNames.RecordType.FLAG_TYPE,
            SyncNames.RecordType.VISIT_TYPE,
            SyncNames.RecordType.STATION);

    static final int VISIT_DAYS = 90;

    private final EntityManager em;
    private final SyncScope scopes;
    private final MessageSource messages;
    private final Clock clock;

    /** A page of a scope key's records of one type, by id after {@code afterId} (null: from the start). */
    public List<SyncRecord> page(Actor actor, String scope, String type, String afterId, int limit) {
        if (SyncScope.REF.equals(scope)) {
            List<SyncRecord> all = reference(actor, type);
            return all.stream()
                    .filter(r -> afterId == null || r.id().compareTo(afterId) > 0)
                    .limit(limit)
                    .toList();
        }
        return village(actor, scope, type, afterId == null ? null : UUID.fromString(afterId), null, limit);
    }

    /** The current state of the given records of a scope key; ids not there (or not the device's) are absent. */
    public Map<String, SyncRecord> load(Actor actor, String scope, String type, Collection<String> ids) {
        Map<String, SyncRecord> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        if (SyncScope.REF.equals(scope)) {
            reference(actor, type).stream().filter(r -> ids.contains(r.id())).forEach(r -> found.put(r.id(), r));
            return found;
        }
        List<UUID> uuids = ids.stream().map(UUID::fromString).toList();
        village(actor, scope, type, null, uuids, Integer.MAX_VALUE).forEach(r -> found.put(r.id(), r));
        return found;
    }

    /**
     * The records of one type of a village key, after an id (paging) or among given ids (deltas).
     * For a station worker, clients, households, visit dues and cases are only those of their
     * assigned clients ({@link SyncScope#assignedClients}); flags and visits are the user's own.
     */
    private List<SyncRecord> village(
            Actor actor, String scope, String type, UUID after, Collection<UUID> ids, int limit) {
        boolean assigned = SyncScope.byAssignment(actor);
        Set<UUID> mine = assigned ? scopes.assignedIn(actor, scope) : Set.of();
        if (assigned && mine.isEmpty() && !ChangeLog.FLAG.equals(type) && !ChangeLog.VISIT.equals(type)) {
            return List.of();
        }
        return switch (type) {
            case ChangeLog.CLIENT ->
                clientsList(
                        select(
                                        "select c from Client c where c.residenceRegionCode = :v"
                                                + (assigned ? " and c.id in :mine" : ""),
                                        "c.id",
                                        Client.class,
                                        scope,
                                        after,
                                        ids,
                                        limit)
                                .setParameter(assigned ? "mine" : "v", assigned ? mine : scope)
                                .getResultList(),
                        actor,
                        scope);
            case ChangeLog.HOUSEHOLD ->
                households(
                        select(
                                        "select h from Household h where h.regionCode = :v"
                                                + (assigned
                                                        ? " and h.id in (select c.householdId from Client c where c.id in :mine)"
                                                        : ""),
                                        "h.id",
                                        Household.class,
                                        scope,
                                        after,
                                        ids,
                                        limit)
                                .setParameter(assigned ? "mine" : "v", assigned ? mine : scope)
                                .getResultList(),
                        scope);
            case ChangeLog.VISIT_DUE ->
                visitDues(
                        select(
                                        "select s from VisitSchedule s where s.regionCode = :v"
                                                + (assigned ? " and s.clientId in :mine" : ""),
                                        "s.clientId",
                                        VisitSchedule.class,
                                        scope,
                                        after,
                                        ids,
                                        limit)
                                .setParameter(assigned ? "mine" : "v", assigned ? mine : scope)
                                .getResultList(),
                        scope);
            case ChangeLog.FLAG ->
                flags(
                        select(
                                        "select f from Flag f where f.villageCode = :v and f.reporterId = :me",
                                        "f.id",
                                        Flag.class,
                                        scope,
                                        after,
                                        ids,
                                        limit)
                                .setParameter("me", actor.userId())
                                .getResultList(),
                        scope);
            case ChangeLog.VISIT ->
                visits(
                        select(
                                        "select r from ServiceRecord r, Client c where c.id = r.clientId"
                                                + " and c.residenceRegionCode = :v and r.recordedBy = :me"
                                                + " and r.type in :types and r.occurredAt >= :since",
                                        "r.id",
                                        ServiceRecord.class,
                                        scope,
                                        after,
                                        ids,
                                        limit)
                                .setParameter("me", actor.username())
                                .setParameter("types", ServiceType.VISITS)
                                .setParameter("since", visitsSince())
                                .getResultList(),
                        scope);
            case ChangeLog.CASE -> {
                if (!actor.has(Permission.READ_CASES)) {
                    // The core lets only case roles read cases: village devices never get them.
                    yield List.<SyncRecord>of();
                }
                yield cases(
                        select(
                                        "select k from CaseFile k, Client c where c.id = k.primaryClientId"
                                                + " and c.residenceRegionCode = :v and k.assignedWorkerId = :me"
                                                + " and k.state in :open and k.regionCode like :scope",
                                        "k.id",
                                        CaseFile.class,
                                        scope,
                                        after,
                                        ids,
                                        limit)
                                .setParameter("me", actor.userId())
                                .setParameter("open", SyncScope.OPEN_STATES)
                                .setParameter("scope", actor.scopePattern())
                                .getResultList(),
                        scope);
            }
            default -> List.of();
        };
    }

    /** A query of a village key's records ordered by id, after an id or among ids; ":v" is bound here. */
    private <T> TypedQuery<T> select(
            String jpql, String idPath, Class<T> type, String scope, UUID after, Collection<UUID> ids, int limit) {
        String text = jpql
                + (after == null ? "" : " and " + idPath + " > :after")
                + (ids == null ? "" : " and " + idPath + " in :ids")
                + " order by " + idPath;
        TypedQuery<T> query = em.createQuery(text, type);
        if (jpql.contains(":v")) {
            query.setParameter("v", scope);
        }
        if (after != null) {
            query.setParameter("after", after);
        }
        if (ids != null) {
            query.setParameter("ids", ids);
        }
        if (limit < Integer.MAX_VALUE) {
            query.setMaxResults(limit);
        }
        return query;
    }

    /**
     * Open-case summaries (protocol §3): what a station worker needs in the field, with the next
     * visit due of the client's schedule as the next date (the plan has no single review date).
     */
    private List<SyncRecord> cases(List<CaseFile> cases, String scope) {
        List<SyncRecord> records = new ArrayList<>();
        if (cases.isEmpty()) {
            return records;
        }
        Set<UUID> workerIds = new java.util.HashSet<>();
        Set<UUID> clientIds = new java.util.HashSet<>();
        cases.forEach(k -> {
            if (k.getAssignedWorkerId() != null) {
                workerIds.add(k.getAssignedWorkerId());
            }
            clientIds.add(k.getPrimaryClientId());
        });
        Map<UUID, String> workers = new HashMap<>();
        if (!workerIds.isEmpty()) {
            for (Object[] row : em.createQuery(
                            "select u.id, u.displayName from UserAccount u where u.id in :ids", Object[].class)
                    .setParameter("ids", workerIds)
                    .getResultList()) {
                workers.put((UUID) row[0], (String) row[1]);
            }
        }
        for (CaseFile k : cases) {
            records.add(new SyncRecord(
                    k.getId().toString(),
                    version(k.getVersion()),
                    scope,
                    new CaseRecord(
                            k.getCaseNumber(),
                            k.getPrimaryClientId(),
                            k.getState().name(),
                            name(k.effectiveRisk()),
                            workers.get(k.getAssignedWorkerId()),
                            LocalDate.ofInstant(k.getOpenedAt(), ChinaTime.ZONE))));
        }
        return records;
    }

    /** Every record of a scope key (for checksums and a resync). */
    public List<SyncRecord> all(Actor actor, String scope) {
        List<SyncRecord> all = new ArrayList<>();
        for (String type : SyncScope.REF.equals(scope) ? REF_TYPES : VILLAGE_TYPES) {
            String after = null;
            while (true) {
                List<SyncRecord> page = page(actor, scope, type, after, 1000);
                all.addAll(page);
                if (page.size() < 1000) {
                    break;
                }
                after = page.get(page.size() - 1).id();
            }
        }
        return all;
    }

    private List<SyncRecord> clientsList(List<Client> clients, Actor actor, String scope) {
        LocalDate today = LocalDate.now(clock);
        boolean unmask = actor.has(Permission.UNMASK_IDENTIFIERS);
        List<SyncRecord> records = new ArrayList<>();
        for (Client c : clients) {
            List<String> categories = new ArrayList<>();
            for (ClientCategory cat : c.getCategories()) {
                if (cat.getValidTo() == null || !cat.getValidTo().isBefore(today)) {
                    categories.add(cat.getType().name());
                }
            }
            ChildProfile child = c.getChildProfile();
            boolean hasChild = child != null;
            records.add(new SyncRecord(
                    c.getId().toString(),
                    version(c.getVersion()),
                    scope,
                    new ClientRecord(
                            c.getFullName(),
                            // the web's name-search keys (ChineseName): the phone finds by pinyin offline
                            c.getNamePinyin(),
                            c.getNameInitials(),
                            c.getSex().name(),
                            c.getBirthDate(),
                            c.getResidenceRegionCode(),
                            c.getAddress(),
                            c.getHouseholdId(),
                            categories,
                            unmask ? c.getIdNumber() : c.maskedIdNumber(),
                            unmask ? c.getPhone() : c.maskedPhone(),
                            hasChild ? child.getGuardianName() : null,
                            hasChild ? child.getGuardianRelation() : null,
                            // A visit starts with a call to the guardian: village roles get the number in full.
                            hasChild ? child.getGuardianPhone() : null,
                            hasChild ? child.getCarerName() : null,
                            hasChild ? mask(child.getCarerPhone(), unmask) : null,
                            hasChild ? name(child.getFatherStatus()) : null,
                            hasChild ? name(child.getMotherStatus()) : null,
                            hasChild ? child.getSchool() : null,
                            c.getElderlyProfile() == null
                                    ? null
                                    : name(c.getElderlyProfile().getLivingArrangement()))));
        }
        return records;
    }

    private List<SyncRecord> households(List<Household> households, String scope) {
        List<SyncRecord> records = new ArrayList<>();
        if (households.isEmpty()) {
            return records;
        }
        List<UUID> ids = households.stream().map(Household::getId).toList();
        Map<UUID, Integer> counts = new HashMap<>();
        Map<UUID, String> heads = new HashMap<>();
        for (Object[] row : em.createQuery(
                        "select c.householdId, c.fullName, c.relationToHead from Client c where c.householdId in :ids",
                        Object[].class)
                .setParameter("ids", ids)
                .getResultList()) {
            UUID household = (UUID) row[0];
            counts.merge(household, 1, Integer::sum);
            if (row[2] == HouseholdRelation.HEAD) {
                heads.put(household, (String) row[1]);
            }
        }
        for (Household h : households) {
            records.add(new SyncRecord(
                    h.getId().toString(),
                    version(h.getVersion()),
                    scope,
                    new HouseholdRecord(h.getAddress(), heads.get(h.getId()), counts.getOrDefault(h.getId(), 0))));
        }
        return records;
    }

    /** How many of the station's recent visits the child card shows, and how far back. */
    static final int RECENT_VISITS = 3;

    static final int RECENT_VISIT_DAYS = 180;

    /**
     * The latest visits to each child by anyone (the station's included), for the child card: only
     * the date, the type and who - never the notes or observations of someone else's visit (minimum
     * data). A new visit recomputes the schedule, so the record travels again with it.
     */
    private Map<UUID, List<RecentVisit>> recentVisits(List<VisitSchedule> schedules) {
        Map<UUID, List<RecentVisit>> recent = new HashMap<>();
        if (schedules.isEmpty()) {
            return recent;
        }
        Set<UUID> clientIds = new java.util.HashSet<>();
        schedules.forEach(s -> clientIds.add(s.getClientId()));
        List<Object[]> rows = em.createQuery(
                        "select r.clientId, r.occurredAt, r.type, r.recordedBy from ServiceRecord r"
                                + " where r.clientId in :ids and r.voidedAt is null and r.type in :types"
                                + " and r.occurredAt >= :since order by r.occurredAt desc",
                        Object[].class)
                .setParameter("ids", clientIds)
                .setParameter("types", ServiceType.VISITS)
                .setParameter("since", clock.instant().minus(java.time.Duration.ofDays(RECENT_VISIT_DAYS)))
                .getResultList();
        Set<String> usernames = new java.util.HashSet<>();
        rows.forEach(row -> usernames.add((String) row[3]));
        Map<String, String> names = new HashMap<>();
        if (!usernames.isEmpty()) {
            for (Object[] row : em.createQuery(
                            "select u.username, u.displayName from UserAccount u where u.username in :names",
                            Object[].class)
                    .setParameter("names", usernames)
                    .getResultList()) {
                names.put((String) row[0], (String) row[1]);
            }
        }
        for (Object[] row : rows) {
            List<RecentVisit> list = recent.computeIfAbsent((UUID) row[0], k -> new ArrayList<>());
            if (list.size() < RECENT_VISITS) {
                list.add(new RecentVisit(
                        LocalDate.ofInstant((Instant) row[1], ChinaTime.ZONE),
                        ((ServiceType) row[2]).name(),
                        names.getOrDefault((String) row[3], (String) row[3])));
            }
        }
        return recent;
    }

    private List<SyncRecord> visitDues(List<VisitSchedule> schedules, String scope) {
        List<SyncRecord> records = new ArrayList<>();
        Map<UUID, List<RecentVisit>> recent = recentVisits(schedules);
        for (VisitSchedule s : schedules) {
            // The schedule has no version column: its refresh time changes whenever it is recomputed.
            long v = s.getRefreshedAt().truncatedTo(ChronoUnit.MILLIS).toEpochMilli();
            records.add(new SyncRecord(
                    s.getClientId().toString(),
                    v,
                    scope,
                    new VisitDueRecord(
                            s.getClientId(),
                            s.getLevel().name(),
                            s.getNextDueOn(),
                            s.getLastVisitOn(),
                            s.getDueRule().name(),
                            recent.getOrDefault(s.getClientId(), List.of()))));
        }
        return records;
    }

    private List<SyncRecord> flags(List<Flag> flags, String scope) {
        List<SyncRecord> records = new ArrayList<>();
        for (Flag fl : flags) {
            records.add(new SyncRecord(
                    fl.getId().toString(),
                    version(fl.getVersion()),
                    scope,
                    new FlagRecord(
                            fl.getClientId(),
                            fl.getSubjectName(),
                            fl.getType().name(),
                            fl.getSeverity().name(),
                            fl.getStatus().name(),
                            name(fl.getOutcome()),
                            fl.getOutcomeReason(),
                            fl.getRaisedAt(),
                            fl.getTriagedAt())));
        }
        return records;
    }

    private List<SyncRecord> visits(List<ServiceRecord> visits, String scope) {
        List<SyncRecord> records = new ArrayList<>();
        for (ServiceRecord r : visits) {
            Map<String, Object> observations = r.getObservations();
            records.add(new SyncRecord(
                    r.getId().toString(),
                    version(r.getVersion()),
                    scope,
                    new VisitRecord(
                            r.getClientId(),
                            r.getType().name(),
                            r.getOccurredAt(),
                            r.getNotes(),
                            // absent when none (protocol §3): a visit is append-only, so nothing is ever cleared
                            observations.isEmpty() ? null : observations)));
        }
        return records;
    }

    /**
     * The visit form a device shows offline: the fields a visit takes and the limits the server
     * checks (from {@link ServiceRecord}, so the phone and the server cannot disagree).
     */
    static final List<FormField> VISIT_FORM = List.of(
            new FormField(SyncNames.Field.OCCURRED_AT, "datetime", true, null, null, null, null),
            new FormField(
                    SyncNames.Field.DURATION_MINUTES,
                    "integer",
                    false,
                    1L,
                    (long) ServiceRecord.MAX_DURATION_MINUTES,
                    null,
                    null),
            new FormField(SyncNames.Field.NOTES, "text", true, null, null, ServiceRecord.NOTES_MAX_LENGTH, null),
            new FormField(
                    SyncNames.Field.OBSERVATIONS,
                    "object",
                    false,
                    null,
                    null,
                    VisitObservations.MAX_TEXT_LENGTH,
                    VisitObservations.MAX_KEYS));

    /** Reference data: the regions of the actor's jurisdiction and above, flag and visit types with the visit form. */
    private List<SyncRecord> reference(Actor actor, String type) {
        List<SyncRecord> records = new ArrayList<>();
        switch (type) {
            case SyncNames.RecordType.REGION -> {
                Set<String> codes = new java.util.TreeSet<>();
                for (String start : regionStarts(actor)) {
                    String code = start;
                    while (code != null && codes.add(code)) {
                        Region region = em.find(Region.class, code);
                        if (region == null) {
                            break;
                        }
                        records.add(new SyncRecord(
                                code,
                                0,
                                SyncScope.REF,
                                new RegionRecord(
                                        region.getName(), region.getLevel().name(), region.getParentCode())));
                        code = region.getParentCode();
                    }
                }
            }
            case SyncNames.RecordType.STATION -> {
                // "Call the station": the township stations covering the device's villages.
                Set<String> townships = new java.util.TreeSet<>();
                if (SyncScope.byAssignment(actor)) {
                    townships.add(actor.jurisdiction().value());
                } else {
                    Region region = em.find(Region.class, actor.jurisdiction().value());
                    if (region != null && region.getParentCode() != null) {
                        townships.add(region.getParentCode());
                    }
                }
                if (!townships.isEmpty()) {
                    for (Organisation o : em.createQuery(
                                    "select o from Organisation o where o.type = :type and o.active = true"
                                            + " and o.regionCode in :townships",
                                    Organisation.class)
                            .setParameter("type", OrganisationType.TOWNSHIP_STATION)
                            .setParameter("townships", townships)
                            .getResultList()) {
                        records.add(new SyncRecord(
                                o.getId().toString(),
                                version(o.getVersion()),
                                SyncScope.REF,
                                new StationRecord(o.getName(), o.getContactPhone(), o.getRegionCode())));
                    }
                }
            }
            case SyncNames.RecordType.FLAG_TYPE -> {
                for (FlagType t : FlagType.values()) {
                    records.add(new SyncRecord(
                            t.name(),
                            0,
                            SyncScope.REF,
                            new FlagTypeRecord(
                                    label("flag.type." + t.name(), Locale.SIMPLIFIED_CHINESE),
                                    label("flag.type." + t.name(), Locale.ENGLISH),
                                    t.isMandatoryReport(),
                                    t.proposedSeverity().name())));
                }
            }
            case SyncNames.RecordType.VISIT_TYPE -> {
                for (ServiceType t : ServiceType.VISITS) {
                    records.add(new SyncRecord(
                            t.name(),
                            0,
                            SyncScope.REF,
                            new VisitTypeRecord(
                                    label("serviceType." + t.name(), Locale.SIMPLIFIED_CHINESE),
                                    label("serviceType." + t.name(), Locale.ENGLISH),
                                    VISIT_FORM)));
                }
            }
            default -> {}
        }
        records.sort((a, b) -> a.id().compareTo(b.id()));
        return records;
    }

    /**
     * Regions a device needs: its jurisdiction and above and, for a station worker, every village
     * of the township — not just the villages of today's assignments, so reference data does not
     * change (and need a resync) whenever a case moves.
     */
    private Set<String> regionStarts(Actor actor) {
        Set<String> starts = new java.util.LinkedHashSet<>();
        starts.add(actor.jurisdiction().value());
        if (SyncScope.byAssignment(actor)) {
            starts.addAll(em.createQuery("select r.code from Region r where r.parentCode = :t", String.class)
                    .setParameter("t", actor.jurisdiction().value())
                    .getResultList());
        }
        return starts;
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private Instant visitsSince() {
        return clock.instant().minus(VISIT_DAYS, ChronoUnit.DAYS);
    }

    private static String mask(String phone, boolean unmask) {
        if (phone == null || unmask) {
            return phone;
        }
        try {
            return new PhoneNumber(phone).masked();
        } catch (RuntimeException e) {
            return "****";
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static long version(Long version) {
        return version == null ? 0 : version;
    }
}
