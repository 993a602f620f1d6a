package com.extensioncallouts.callout;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.extensioncallouts.problem.NotFoundException;

/**
 * The one place where callouts are read and changed: the REST API, the management page and the
 * delivery all go through here, so every rule is written once.
 */
@Service
public class CalloutService {

    private final CalloutRepository repository;

    CalloutService(CalloutRepository repository) {
        this.repository = repository;
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

    @Transactional
    public Callout create(Callout draft) {
        return repository.save(CalloutRow.from(withId(draft, null))).toCallout();
    }

    @Transactional
    public Callout update(long id, Callout changes) {
        get(id);
        return repository.save(CalloutRow.from(withId(changes, id))).toCallout();
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

    private static Callout withId(Callout c, Long id) {
        return new Callout(id, c.name(), c.url(), c.method(), c.format(), c.authentication(), c.udfName(),
                c.notification(), c.active());
    }
}
