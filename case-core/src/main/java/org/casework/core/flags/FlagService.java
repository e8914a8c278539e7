package org.casework.core.flags;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import lombok.RequiredArgsConstructor;
import org.casework.core.audit.AuditTrail;
import org.casework.core.cases.CaseFile;
import org.casework.core.cases.CaseService;
import org.casework.core.cases.CaseSource;
import org.casework.core.cases.CaseState;
import org.casework.core.clients.CategoryFit;
import org.casework.core.clients.CategorySource;
import org.casework.core.clients.CategorySubType;
import org.casework.core.clients.CategoryType;
import org.casework.core.clients.Client;
import org.casework.core.clients.ClientInput.NewCategory;
import org.casework.core.clients.ClientService;
import org.casework.core.clients.Sex;
import org.casework.core.database.RetryableWrite;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Permission;
import org.casework.core.shared.ConflictException;
import org.casework.core.shared.DomainException;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.NotFoundException;
import org.casework.core.shared.RegionCode;
import org.casework.core.shared.RegionLevel;
import org.casework.core.shared.RiskLevel;
import org.casework.core.shared.WorkingCalendar;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises, lists and triages flags. Who sees a flag: its reporter, and station or county staff whose
 * jurisdiction holds its village; to everyone else (another village's director, a department
 * liaison) it does not exist.
 */
@Service
@RequiredArgsConstructor
public class FlagService {

    public static final int PHOTO_MAX_BYTES = 2 * 1024 * 1024;

    private final FlagRepository flags;
    private final FlagQueue queueOrder;
    private final FlagNoteRepository notes;
    private final FlagPhotoRepository photos;
    private final MandatoryReportRepository reports;
    private final ClientService clients;
    private final CaseService cases;
    private final FlagSlaPolicy sla;
    private final WorkingCalendar calendar;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /**
     * What a field user sends: an existing child ({@code clientId}) or a minimal new record, the
     * village (taken from the client when there is one), what was seen, and an optional photo.
     */
    public record NewFlag(
            UUID clientId,
            String subjectName,
            Sex subjectSex,
            Integer subjectAgeYears,
            String guardianContact,
            String villageCode,
            FlagType type,
            RiskLevel severity,
            String description,
            Instant observedAt,
            String observedPlace,
            Photo photo) {}

    public record Photo(String contentType, byte[] bytes) {}

    /** The station's decision. Which fields count depends on the outcome. */
    public record TriageDecision(
            FlagOutcome outcome,
            UUID clientId,
            UUID caseId,
            CategoryType category,
            CategorySubType categorySubType,
            String reason) {}

    /** For the supervisor: untriaged flags of the jurisdiction, and how many are past their deadline. */
    public record FlagCounts(long untriaged, long overdue) {}

    @RetryableWrite
    @Transactional
    public Flag raise(NewFlag command) {
        return raise(null, command);
    }

    /** Raises a flag under an id chosen by the field device that raised it offline (null: a new id). */
    @RetryableWrite
    @Transactional
    public Flag raise(UUID id, NewFlag command) {
        Actor actor = currentActor.require(Permission.WRITE_CLIENTS);
        RegionCode village;
        if (command.clientId() != null) {
            Client client = clients.get(command.clientId());
            if (client.ageOn(LocalDate.now(clock)) >= 18) {
                throw new InvalidInputException("clientId", "flag.subject.notMinor");
            }
            village = client.residenceRegion();
        } else {
            village = parseVillage(command.villageCode());
        }
        if (!actor.covers(village)) {
            throw new InvalidInputException("villageCode", "flag.village.outOfScope");
        }
        Instant now = clock.instant();
        Flag flag = new Flag(
                village,
                new Flag.Subject(
                        command.clientId(),
                        command.subjectName(),
                        command.subjectSex(),
                        command.subjectAgeYears(),
                        command.guardianContact()),
                new Flag.Observation(
                        command.type(),
                        command.severity(),
                        command.description(),
                        command.observedAt(),
                        command.observedPlace()),
                actor.userId(),
                actor.username(),
                now,
                severity -> sla.deadlines(severity, now, calendar::isWorkingDay));
        flag.assignId(id);
        flags.save(flag);
        if (command.photo() != null
                && command.photo().bytes() != null
                && command.photo().bytes().length > 0) {
            photos.save(photo(flag.getId(), command.photo()));
        }
        audit.recordChange("Flag", flag.getId(), "RAISED", null, flag.getType().name(), actor.username());
        events.publishEvent(new FlagRaised(flag.getId(), flag.village(), flag.getSeverity(), actor.userId()));
        if (flag.getClientId() != null) {
            events.publishEvent(new OpenFlagsChanged(flag.getClientId()));
        }
        return flag;
    }

    /** A flag the caller may see (its reporter, or staff of its area); 404 otherwise. */
    @Transactional(readOnly = true)
    public Flag get(UUID id) {
        return visible(currentActor.get(), id);
    }

    /** A flag the caller may act on as station staff of its area (refer it, report it); 404 otherwise. */
    @Transactional(readOnly = true)
    public Flag forStaff(UUID id) {
        return staffFlag(currentActor.get(), id);
    }

    /** Whether the caller sees the flag as station staff (with reporter, outcome links, triage) or only as its reporter. */
    public boolean isStaffView(Flag flag) {
        Actor actor = currentActor.get();
        return actor.has(Permission.READ_CASES) && actor.covers(flag.village());
    }

    /** The caller's own flags, newest first, with what the station did with them. */
    @Transactional(readOnly = true)
    public Page<Flag> mine(Pageable pageable) {
        Actor actor = currentActor.get();
        return flags.raisedBy(actor.userId(), pageable);
    }

    /**
     * The triage queue of the caller's jurisdiction: untriaged, most severe first, mandatory-report
     * situations first among the reds, then oldest.
     */
    @Transactional(readOnly = true)
    public Page<Flag> queue(Pageable pageable) {
        Actor actor = currentActor.require(Permission.READ_CASES);
        return queueOrder.page(actor.scopePattern(), pageable);
    }

    /** The red flags of the caller's jurisdiction waiting for triage, for the alert on the start page. */
    @Transactional(readOnly = true)
    public RedFlagsWaiting redsWaiting() {
        Actor actor = currentActor.require(Permission.READ_CASES);
        List<Flag> reds = queueOrder.reds(actor.scopePattern());
        return new RedFlagsWaiting(
                reds.size(),
                reds.stream().map(Flag::getRaisedAt).min(Instant::compareTo).orElse(null));
    }

    /** Every flag of the caller's jurisdiction, newest first. */
    @Transactional(readOnly = true)
    public Page<Flag> all(Pageable pageable) {
        Actor actor = currentActor.require(Permission.READ_CASES);
        return flags.allInScope(actor.scopePattern(), pageable);
    }

    @Transactional(readOnly = true)
    public FlagCounts counts() {
        Actor actor = currentActor.require(Permission.READ_CASES);
        return new FlagCounts(
                flags.countUntriaged(actor.scopePattern()), flags.countOverdue(actor.scopePattern(), clock.instant()));
    }

    /** The flags triage turned into this case or linked to it, for the case workspace. */
    @Transactional(readOnly = true)
    public List<Flag> forCase(UUID caseId) {
        cases.get(caseId);
        return flags.findByOutcomeCaseIdOrderByRaisedAtAsc(caseId);
    }

    /** The flags about one registry client, for its client page; staff only. */
    @Transactional(readOnly = true)
    public List<Flag> aboutClient(UUID clientId) {
        Actor actor = currentActor.require(Permission.READ_CASES);
        clients.get(clientId);
        return flags.aboutClient(clientId).stream()
                .filter(f -> actor.covers(f.village()))
                .toList();
    }

    @RetryableWrite
    @Transactional
    public FlagNote addNote(UUID id, String text) {
        return addNote(id, null, text);
    }

    /** Adds a note under an id chosen by the field device that wrote it offline (null: a new id). */
    @RetryableWrite
    @Transactional
    public FlagNote addNote(UUID id, UUID noteId, String text) {
        Actor actor = currentActor.get();
        Flag flag = visible(actor, id);
        if (noteId != null && notes.existsById(noteId)) {
            // A note has no version: saving one under a taken id would overwrite it.
            throw new ConflictException("error.constraint");
        }
        FlagNote note = new FlagNote(flag.getId(), text, actor.username(), clock.instant());
        note.assignId(noteId);
        note = notes.save(note);
        audit.recordChange("Flag", flag.getId(), "NOTE_ADDED", null, actor.username());
        return note;
    }

    @Transactional(readOnly = true)
    public List<FlagNote> notes(UUID id) {
        Flag flag = visible(currentActor.get(), id);
        return notes.findByFlagIdOrderByWrittenAtAsc(flag.getId());
    }

    /** The photo of a flag the caller may see; viewing it is logged. */
    @Transactional
    public Optional<Photo> photo(UUID id) {
        Actor actor = currentActor.get();
        Flag flag = visible(actor, id);
        Optional<Photo> photo = photos.findById(flag.getId())
                .map(p -> new Photo(p.getContentType(), Base64.getDecoder().decode(p.getData())));
        photo.ifPresent(p -> audit.recordChange("Flag", flag.getId(), "PHOTO_VIEWED", null, actor.username()));
        return photo;
    }

    @Transactional(readOnly = true)
    public boolean hasPhoto(UUID id) {
        return photos.existsById(id);
    }

    /** Which of these flags (of a list the caller already read) have a photo: one query. */
    @Transactional(readOnly = true)
    public java.util.Set<UUID> withPhotos(java.util.Collection<UUID> ids) {
        return ids.isEmpty() ? java.util.Set.of() : java.util.Set.copyOf(photos.withPhotos(ids));
    }

    /**
     * Records the station's decision. A mandatory-report situation cannot finish triage before the
     * report to the police and the notices are recorded. Opening a case or adding a category goes
     * through the cases and registry services, with their own checks.
     */
    @RetryableWrite
    @Transactional
    public Flag triage(UUID id, long expectedVersion, TriageDecision decision) {
        Actor actor = currentActor.require(Permission.WRITE_CASES);
        Flag flag = staffFlag(actor, id);
        flag.checkVersion(expectedVersion);
        if (!flag.isUntriaged()) {
            throw new ConflictException("flag.triage.alreadyTriaged");
        }
        if (decision.outcome() == null) {
            throw new InvalidInputException("outcome", "flag.outcome.required");
        }
        if (flag.isMandatoryReport() && reports.findByFlagId(flag.getId()).isEmpty()) {
            throw new DomainException("flag.triage.mandatoryReportMissing");
        }
        UUID subjectBefore = flag.getClientId();
        UUID clientId = decision.clientId() != null ? decision.clientId() : flag.getClientId();
        UUID caseId = null;
        switch (decision.outcome()) {
            case CASE_OPENED -> {
                requireClient(clientId);
                String reason = decision.reason() == null || decision.reason().isBlank()
                        ? "flag: " + flag.getType().name()
                        : decision.reason();
                caseId = cases.open(new CaseService.OpenCase(
                                clientId, CaseSource.VILLAGE_FLAG, reason, flag.getSeverity(), null))
                        .getId();
            }
            case LINKED_TO_CASE -> {
                if (decision.caseId() == null) {
                    throw new InvalidInputException("caseId", "flag.case.required");
                }
                CaseFile caseFile = cases.get(decision.caseId());
                CaseState state = caseFile.getState();
                // a lead still being screened counts: the flag adds to what the station is looking at
                if (!state.isOpen() && state != CaseState.LEAD && state != CaseState.SCREENING) {
                    throw new InvalidInputException("caseId", "flag.case.notOpen");
                }
                caseId = caseFile.getId();
                clientId = caseFile.getPrimaryClientId();
            }
            case REGISTERED -> {
                Client client = requireClient(clientId);
                if (decision.category() == null) {
                    throw new InvalidInputException("category", "flag.category.required");
                }
                LocalDate today = LocalDate.now(clock);
                // the triage form offers only fitting categories; a request that bypasses it is refused here
                int age = client.ageOn(today);
                if (!CategoryFit.fits(decision.category(), age, client.getSex())
                        || (decision.categorySubType() != null
                                && !CategoryFit.fits(decision.categorySubType(), age, client.getSex()))) {
                    throw new InvalidInputException("category", "flag.category.unfit");
                }
                boolean has = client.getCategories().stream()
                        .anyMatch(c -> c.getType() == decision.category() && c.isActiveOn(today));
                if (!has) {
                    clients.addCategory(
                            client.getId(),
                            client.getVersion(),
                            new NewCategory(
                                    decision.category(),
                                    decision.categorySubType(),
                                    today,
                                    null,
                                    CategorySource.ALERT,
                                    actor.username()));
                }
            }
            case DISMISSED -> clientId = flag.getClientId();
        }
        flag.triage(decision.outcome(), caseId, clientId, decision.reason(), actor.username(), clock.instant());
        if (caseId != null) {
            UUID linked = caseId;
            reports.findByFlagId(flag.getId()).ifPresent(report -> report.linkCase(linked));
        }
        flags.saveAndFlush(flag);
        audit.recordChange(
                "Flag", flag.getId(), "TRIAGED", null, decision.outcome().name(), actor.username());
        events.publishEvent(new FlagTriaged(flag.getId(), flag.village(), flag.getReporterId(), decision.outcome()));
        Stream.of(subjectBefore, flag.getClientId())
                .filter(Objects::nonNull)
                .distinct()
                .forEach(subject -> events.publishEvent(new OpenFlagsChanged(subject)));
        return flag;
    }

    /** A flag the caller may act on as station staff (triage, mandatory report); 404 otherwise. */
    Flag staffFlag(Actor actor, UUID id) {
        Flag flag = flags.findById(id).orElseThrow(() -> new NotFoundException("flag"));
        if (!actor.has(Permission.READ_CASES) || !actor.covers(flag.village())) {
            throw new NotFoundException("flag");
        }
        return flag;
    }

    private Flag visible(Actor actor, UUID id) {
        Flag flag = flags.findById(id).orElseThrow(() -> new NotFoundException("flag"));
        boolean staff = actor.has(Permission.READ_CASES) && actor.covers(flag.village());
        if (!staff && !flag.getReporterId().equals(actor.userId())) {
            throw new NotFoundException("flag");
        }
        return flag;
    }

    private Client requireClient(UUID clientId) {
        if (clientId == null) {
            throw new InvalidInputException("clientId", "flag.client.required");
        }
        return clients.get(clientId);
    }

    private static RegionCode parseVillage(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("villageCode", "flag.village.required");
        }
        RegionCode code;
        try {
            code = RegionCode.parse(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("villageCode", "flag.village.invalid");
        }
        if (code.level() != RegionLevel.VILLAGE) {
            throw new InvalidInputException("villageCode", "flag.village.invalid");
        }
        return code;
    }

    private FlagPhoto photo(UUID flagId, Photo photo) {
        byte[] bytes = photo.bytes();
        if (bytes.length > PHOTO_MAX_BYTES) {
            throw new InvalidInputException("photo", "flag.photo.tooLarge", PHOTO_MAX_BYTES / (1024 * 1024));
        }
        String type = imageType(bytes);
        if (type == null) {
            throw new InvalidInputException("photo", "flag.photo.notImage");
        }
        return new FlagPhoto(flagId, type, bytes.length, Base64.getEncoder().encodeToString(bytes));
    }

    /** The type read from the bytes, not the one the browser claims: only real images are kept. */
    static String imageType(byte[] b) {
        if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length > 12
                && b[0] == 'R'
                && b[1] == 'I'
                && b[2] == 'F'
                && b[3] == 'F'
                && b[8] == 'W'
                && b[9] == 'E'
                && b[10] == 'B'
                && b[11] == 'P') {
            return "image/webp";
        }
        return null;
    }
}
