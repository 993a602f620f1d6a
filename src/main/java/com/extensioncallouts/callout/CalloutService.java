package com.extensioncallouts.callout;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.extensioncallouts.problem.NotFoundException;
import com.extensioncallouts.rule.WorkflowRule;
import com.extensioncallouts.rule.WorkflowRules;

/**
 * The one place where callouts are read and changed: the REST API, the management page and the
 * delivery all go through here, so every rule is written once.
 */
@Service
public class CalloutService {

    private final CalloutRepository repository;
    private final WorkflowRules workflowRules;

    CalloutService(CalloutRepository repository, WorkflowRules workflowRules) {
        this.repository = repository;
        this.workflowRules = workflowRules;
    }

    @Transactional(readOnly = true)
    public List<Callout> list() {
        return repository.findAllByOrderByNameKeyAsc().stream().map(CalloutRow::toCallout).toList();
    }

    @Transactional(readOnly = true)
    public Callout get(long id) {
        return repository.findById(id).map(CalloutRow::toCallout)
                .orElseThrow(() -> new NotFoundException("No callout with id " + id + "."));
    }

    /** Looks a callout up by name, ignoring case and surrounding blanks, as workflow rules name them. */
    @Transactional(readOnly = true)
    public Optional<Callout> findByName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return repository.findByNameKey(CalloutRow.nameKey(name)).map(CalloutRow::toCallout);
    }

    /** Validates and stores a new callout; {@code InvalidInputException} (400) or {@code ConflictException} (409). */
    @Transactional
    public Callout create(CalloutDraft draft) {
        return repository.save(CalloutRow.from(toCallout(null, draft))).toCallout();
    }

    /** Validates and replaces a callout; an omitted secret keeps the stored one. */
    @Transactional
    public Callout update(long id, CalloutDraft draft) {
        get(id);
        return repository.save(CalloutRow.from(toCallout(id, draft))).toCallout();
    }

    /** The deployed workflow rules that execute this callout. */
    public List<WorkflowRule> workflowRulesCalling(Callout callout) {
        return workflowRules.callersOf(callout.name());
    }

    @Transactional
    public Callout setActive(long id, boolean active) {
        Callout c = get(id);
        return repository.save(CalloutRow.from(new Callout(c.id(), c.name(), c.url(), c.method(), c.format(),
                c.authentication(), c.udfName(), c.notification(), active))).toCallout();
    }

    @Transactional
    public void delete(long id) {
        get(id);
        repository.deleteById(id);
    }

    // Placeholder conversion without validation; the callout feature replaces it (issue 2).
    private static Callout toCallout(Long id, CalloutDraft d) {
        AuthenticationType type = d.authenticationType() == null ? AuthenticationType.NONE
                : AuthenticationType.valueOf(d.authenticationType());
        String secret = switch (type) {
            case NONE -> null;
            case BASIC -> d.password();
            case BEARER -> d.token();
            case HEADER -> d.headerValue();
        };
        return new Callout(id, d.name(), d.url(),
                d.method() == null ? CalloutMethod.POST : CalloutMethod.valueOf(d.method()),
                d.format() == null ? DataFormat.XML : DataFormat.valueOf(d.format()),
                new Authentication(type, d.username(), d.headerName(), secret), d.udfName(),
                new Notification(d.recipients(), d.notifyWhen() == null ? null : NotifyWhen.valueOf(d.notifyWhen())),
                d.active() == null || d.active());
    }
}
