package com.extensioncallouts.callout;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.IncorrectUpdateSemanticsDataAccessException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.extensioncallouts.CalloutsProperties;
import com.extensioncallouts.network.NetworkGuard;
import com.extensioncallouts.problem.ConflictException;
import com.extensioncallouts.secrets.SecretBox;
import com.extensioncallouts.problem.NotFoundException;
import com.extensioncallouts.rule.WorkflowRule;
import com.extensioncallouts.rule.WorkflowRules;

/**
 * The one place where callouts are read and changed: the REST API, the management page and the
 * delivery all go through here, so every rule is written once. Invalid input throws before
 * anything is stored.
 */
@Service
public class CalloutService {

    private final CalloutRepository repository;
    private final WorkflowRules workflowRules;
    private final CalloutCache cache;
    private final CalloutFailures failures;
    private final SecretBox secrets;
    private final NetworkGuard guard;

    CalloutService(CalloutRepository repository, WorkflowRules workflowRules, CalloutsProperties properties,
            CalloutFailures failures, SecretBox secrets, NetworkGuard guard) {
        this.repository = repository;
        this.guard = guard;
        this.secrets = secrets;
        this.workflowRules = workflowRules;
        this.failures = failures;
        this.cache = new CalloutCache(properties.cache().callouts());
    }

    @Transactional(readOnly = true)
    public List<Callout> list() {
        return repository.findAllByOrderByNameKeyAsc().stream().map(this::read).toList();
    }

    @Transactional(readOnly = true)
    public Callout get(long id) {
        return repository.findById(id).map(this::read)
                .orElseThrow(() -> notFound(id));
    }

    /** The callout with this id, if it exists. */
    @Transactional(readOnly = true)
    public Optional<Callout> findById(long id) {
        return repository.findById(id).map(this::read);
    }

    /**
     * Looks a callout up by name, ignoring case and surrounding blanks, as workflow rules name them. Every
     * trigger and attempt asks this, so the answer is cached ({@link CalloutCache}).
     */
    public Optional<Callout> findByName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return cache.get(CalloutRow.nameKey(name), key -> repository.findByNameKey(key).map(this::read));
    }

    /**
     * The callout a draft describes, validated but not stored: for trying out a form (the page's
     * "Send test") before saving. With an {@code id}, omitted secrets come from that callout.
     */
    @Transactional(readOnly = true)
    public Callout validate(Long id, CalloutDraft draft) {
        return CalloutValidator.validate(draft, id == null ? null : get(id), guard);
    }

    /** Validates and stores a new callout; {@code InvalidInputException} (400) or {@code ConflictException} (409). */
    @Transactional
    public Callout create(CalloutDraft draft) {
        Callout callout = CalloutValidator.validate(draft, null, guard);
        requireNameFree(callout.name(), null);
        Callout created = save(callout);
        CalloutLog.created(created);
        return created;
    }

    /**
     * Validates and replaces a callout; an omitted secret keeps the stored one. A callout that
     * workflow rules still call keeps its name: the rules call it by name and would break.
     */
    @Transactional
    public Callout update(long id, CalloutDraft draft) {
        Callout stored = get(id);
        Callout callout = CalloutValidator.validate(draft, stored, guard);
        requireNameFree(callout.name(), id);
        if (!CalloutRow.nameKey(stored.name()).equals(CalloutRow.nameKey(callout.name()))) {
            requireNoCallers(stored, "renamed", "Renaming it would break them; change the rules first.");
        }
        Callout updated = save(callout);
        CalloutLog.updated(stored, updated);
        return updated;
    }

    /** The deployed workflow rules that execute this callout. */
    public List<WorkflowRule> workflowRulesCalling(Callout callout) {
        return workflowRules.callersOf(callout.name());
    }

    /** The deployed workflow rules that execute each of these callouts, by callout id: one look for all. */
    public Map<Long, List<WorkflowRule>> workflowRulesCalling(List<Callout> callouts) {
        Map<String, List<WorkflowRule>> byName = workflowRules.callersOf(callouts.stream().map(Callout::name).toList());
        return callouts.stream().collect(Collectors.toMap(Callout::id,
                callout -> byName.getOrDefault(callout.name(), List.of())));
    }

    /** How many deployed workflow rules execute this callout. */
    public int workflowRuleCount(Callout callout) {
        return workflowRules.countCallersOf(callout.name());
    }

    @Transactional
    public Callout setActive(long id, boolean active) {
        Callout c = get(id);
        Callout changed = save(c.withActive(active));
        if (active) {
            failures.reset(id);
            CalloutLog.activated(changed);
        } else {
            CalloutLog.deactivated(changed);
        }
        return changed;
    }

    /** Deletes a callout that no workflow rule calls; {@code ConflictException} (409) naming the rules otherwise. */
    @Transactional
    public void delete(long id) {
        Callout callout = get(id);
        requireNoCallers(callout, "deleted", "Remove it from them first.");
        repository.deleteById(id);
        cache.changed();
        CalloutLog.deleted(callout);
    }

    private void requireNameFree(String name, Long ownId) {
        repository.findByNameKey(CalloutRow.nameKey(name))
                .filter(other -> !other.id().equals(ownId))
                .ifPresent(other -> {
                    throw nameTaken(name);
                });
    }

    private void requireNoCallers(Callout callout, String change, String advice) {
        List<String> rules = workflowRulesCalling(callout).stream().map(WorkflowRule::displayName).toList();
        if (!rules.isEmpty()) {
            CalloutLog.stillCalled(callout, change, rules);
            throw new ConflictException("Callout '" + callout.name() + "' is executed by workflow rule(s) "
                    + String.join(", ", rules) + ". " + advice, rules);
        }
    }

    private Callout save(Callout callout) {
        try {
            Callout saved = read(repository.save(CalloutRow.from(callout).sealed(secrets)));
            cache.changed();
            return saved;
        } catch (DbActionExecutionException e) {
            // Spring Data JDBC wraps what the database said
            if (e.getCause() instanceof DuplicateKeyException) {
                // Another request took the name between our check and this insert
                throw nameTaken(callout.name());
            }
            if (e.getCause() instanceof IncorrectUpdateSemanticsDataAccessException) {
                // Deleted by another request meanwhile
                throw notFound(callout.id());
            }
            throw e;
        }
    }

    /** A stored row as a callout, its secret opened: a callout is only ever sealed at rest. */
    private Callout read(CalloutRow row) {
        return row.opened(secrets).toCallout();
    }

    private static ConflictException nameTaken(String name) {
        return new ConflictException("A callout named '" + name + "' already exists.");
    }

    private static NotFoundException notFound(Long id) {
        return new NotFoundException("No callout with id " + id + ".");
    }
}
