package org.casework.core.clients;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.audit.AuditTrail;
import org.casework.core.audit.ChangeLogEntry;
import org.casework.core.audit.RevealThrottle;
import org.casework.core.audit.TooManyRevealsException;
import org.casework.core.clients.ClientInput.NewCategory;
import org.casework.core.households.HouseholdService;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Permission;
import org.casework.core.shared.AccessDeniedException;
import org.casework.core.shared.ConflictException;
import org.casework.core.shared.FreeText;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The client registry. Every method works inside the caller's jurisdiction: a client outside it
 * reads as not found, and writing there is refused.
 */
@Service
@RequiredArgsConstructor
public class ClientService {

    /** The history note holds it behind a 19-character prefix, in a column of 300. */
    public static final int DUPLICATE_OVERRIDE_MAX_LENGTH = 280;

    /** Kept with each full view of a number, in the access log. */
    public static final int REVEAL_REASON_MAX_LENGTH = 200;

    private final ClientRepository clients;
    private final PersonalDataValidator validator;
    private final HouseholdService households;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final RevealThrottle revealThrottle;
    private final Clock clock;
    private final EntityManager entityManager;
    private final ApplicationEventPublisher events;

    /**
     * Registers a client with its initial categories. Refuses an ID number already registered
     * (naming the existing record when the caller may see it) and warns about a same name, birth
     * date and village unless a reason to go on is given.
     */
    @Transactional
    public Client register(ClientInput input) {
        return register(null, input);
    }

    /**
     * Registers a client under an id chosen by a field device that created it offline (null: a new
     * id), so the device's later edits and visits refer to the same record.
     */
    @Transactional
    public Client register(UUID id, ClientInput input) {
        Actor actor = currentActor.require(Permission.WRITE_CLIENTS);
        PersonalData data = validator.validate(actor, input);
        String hash = validator.blindIndex(data.idNumber());
        refuseTakenIdNumber(actor, hash, null);
        String overrideReason = FreeText.block(
                "duplicateOverrideReason", input.duplicateOverrideReason(), DUPLICATE_OVERRIDE_MAX_LENGTH);
        warnOfPossibleDuplicate(actor, data, overrideReason);
        Client client = new Client(data, hash, today());
        client.assignId(id);
        if (input.categories() != null) {
            for (NewCategory c : input.categories()) {
                client.addCategory(
                        c.type(),
                        c.subType(),
                        c.validFrom(),
                        c.validTo(),
                        c.source(),
                        c.verifiedBy(),
                        actor.username(),
                        clock.instant());
            }
        }
        clients.save(client);
        events.publishEvent(new ClientRegistered(client.getId()));
        String override = overrideReason == null ? null : "duplicateOverride: " + overrideReason;
        audit.recordChange("Client", client.getId(), "CREATED", null, override, actor.username());
        return client;
    }

    /** Corrects a client's data; refuses a stale version (409) and records the changed fields. */
    @Transactional
    public Client update(UUID id, long expectedVersion, ClientInput input) {
        Actor actor = currentActor.require(Permission.WRITE_CLIENTS);
        Client client = find(actor, id);
        client.checkVersion(expectedVersion);
        PersonalData data = validator.validate(actor, input);
        String hash = validator.blindIndex(data.idNumber());
        refuseTakenIdNumber(actor, hash, id);
        List<String> changed = client.correct(data, hash, today());
        if (!changed.isEmpty()) {
            audit.recordChange("Client", id, "UPDATED", changed, actor.username());
            events.publishEvent(new ClientChanged(id, List.copyOf(changed)));
        }
        return client;
    }

    /** The client with its categories, if in the caller's jurisdiction. */
    @Transactional(readOnly = true)
    public Client get(UUID id) {
        return find(currentActor.require(Permission.READ_CLIENTS), id);
    }

    /**
     * Names of the given clients, for lists of other records (a case list) that show who they are
     * about; clients outside the caller's jurisdiction are left out. One query for the whole list.
     */
    @Transactional(readOnly = true)
    public Map<UUID, String> namesOf(Collection<UUID> ids) {
        Actor actor = currentActor.require(Permission.READ_CLIENTS);
        if (ids == null || ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> names = new HashMap<>();
        clients.findAllInScope(Set.copyOf(ids), actor.scopePattern())
                .forEach(c -> names.put(c.getId(), c.getFullName()));
        return names;
    }

    /** A page of the registry within the caller's jurisdiction. */
    @Transactional(readOnly = true)
    public Page<Client> search(ClientSearch search, Pageable pageable) {
        Actor actor = currentActor.require(Permission.READ_CLIENTS);
        String region = search.regionCode() == null || search.regionCode().isBlank()
                ? null
                : org.casework.core.shared.RegionCode.parse(search.regionCode()).value();
        ClientSearch normalized = new ClientSearch(search.text(), region, search.category());
        Page<Client> page =
                clients.findAll(ClientSpecifications.matching(actor.scopePattern(), normalized, today()), pageable);
        // Lists show categories: one batched query for the page (default_batch_fetch_size), not one per row.
        page.forEach(c -> c.getCategories().size());
        return page;
    }

    /**
     * Members of a household that the caller may see: the head first, then by relation in GB/T 4761
     * order (the enum's order), oldest first within a relation. The relation is stored as text,
     * so SQL would sort it alphabetically (DAUGHTER, GRANDCHILD, …, HEAD …).
     */
    @Transactional(readOnly = true)
    public List<Client> membersOf(UUID householdId) {
        Actor actor = currentActor.require(Permission.READ_CLIENTS);
        households.get(householdId);
        return clients.findMembersInScope(householdId, actor.scopePattern()).stream()
                .sorted(Comparator.comparing(
                        Client::getRelationToHead, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /** Adds a dated category to a client. */
    @Transactional
    public Client addCategory(UUID clientId, long expectedVersion, NewCategory category) {
        Actor actor = currentActor.require(Permission.WRITE_CLIENTS);
        Client client = find(actor, clientId);
        client.checkVersion(expectedVersion);
        client.addCategory(
                category.type(),
                category.subType(),
                category.validFrom(),
                category.validTo(),
                category.source(),
                category.verifiedBy(),
                actor.username(),
                clock.instant());
        audit.recordChange(
                "Client", clientId, "CATEGORY_ADDED", List.of(String.valueOf(category.type())), actor.username());
        return categoriesChanged(client);
    }

    /** Ends a category on a date, with a reason; nothing is deleted. */
    @Transactional
    public Client endCategory(UUID clientId, long expectedVersion, UUID categoryId, LocalDate endDate, String reason) {
        Actor actor = currentActor.require(Permission.WRITE_CLIENTS);
        Client client = find(actor, clientId);
        client.checkVersion(expectedVersion);
        ClientCategory ended = client.endCategory(categoryId, endDate == null ? today() : endDate, reason);
        audit.recordChange(
                "Client", clientId, "CATEGORY_ENDED", List.of(ended.getType().name()), actor.username());
        return categoriesChanged(client);
    }

    /**
     * Shows a client's numbers in full. Needs the unmask permission and a reason, and leaves a
     * record of who viewed whose numbers and when. Limited per user and period: the attempt over
     * the limit is refused, logged and (the first time in a period) reported to the supervisors.
     *
     * @throws TooManyRevealsException when the caller reached the reveal limit (the refusal commits)
     */
    // READ COMMITTED: the throttle counts after taking its lock, and must see the reveals committed
    // meanwhile; under MySQL's REPEATABLE READ the count would read the snapshot of the first query
    @Transactional(isolation = Isolation.READ_COMMITTED, noRollbackFor = TooManyRevealsException.class)
    public RevealedIdentifiers reveal(UUID clientId, String reason) {
        Actor actor = currentActor.require(Permission.READ_CLIENTS);
        Client client = find(actor, clientId);
        if (!actor.has(Permission.UNMASK_IDENTIFIERS)) {
            throw new AccessDeniedException("client.reveal.forbidden");
        }
        String why = FreeText.block("reason", reason, REVEAL_REASON_MAX_LENGTH);
        if (why == null || why.length() < 2) {
            throw new InvalidInputException("reason", "client.reveal.reasonRequired");
        }
        revealThrottle.admit(actor, clientId, why);
        ChildProfile child = client.getChildProfile();
        return new RevealedIdentifiers(
                client.getIdNumber(),
                client.getPhone(),
                child == null ? null : child.getGuardianPhone(),
                child == null ? null : child.getCarerPhone());
    }

    /** Who changed what on the client, newest first. */
    @Transactional(readOnly = true)
    public List<ChangeLogEntry> history(UUID clientId) {
        get(clientId);
        return audit.historyOf(clientId);
    }

    /**
     * Categories are part of the client: changing them must give the client a new version (and
     * ETag), or a correction based on the version before the change would still be accepted.
     * Hibernate does not version an entity for changes to an inverse (mappedBy) collection.
     */
    private Client categoriesChanged(Client client) {
        entityManager.lock(client, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        Client saved = clients.saveAndFlush(client);
        events.publishEvent(new ClientChanged(saved.getId()));
        return saved;
    }

    private Client find(Actor actor, UUID id) {
        return clients.findInScope(id, actor.scopePattern()).orElseThrow(() -> new NotFoundException("client"));
    }

    private void refuseTakenIdNumber(Actor actor, String hash, UUID self) {
        if (hash == null) {
            return;
        }
        clients.findByIdNumberHash(hash)
                .filter(existing -> !existing.getId().equals(self))
                .ifPresent(existing -> {
                    if (actor.covers(existing.residenceRegion())) {
                        throw new ConflictException("client.idNumber.taken", existing.getFullName(), existing.getId());
                    }
                    throw new ConflictException("client.idNumber.takenElsewhere");
                });
    }

    private void warnOfPossibleDuplicate(Actor actor, PersonalData data, String overrideReason) {
        if (overrideReason != null && !overrideReason.isBlank()) {
            return;
        }
        List<Client> matches = clients.findPossibleDuplicates(
                data.fullName().strip(),
                data.birthDate(),
                data.residenceRegion().value());
        if (!matches.isEmpty()) {
            throw new PossibleDuplicateException(matches.stream()
                    .filter(c -> actor.covers(c.residenceRegion()))
                    .map(Client::getId)
                    .toList());
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
