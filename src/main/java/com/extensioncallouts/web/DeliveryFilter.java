package com.extensioncallouts.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

import com.extensioncallouts.journal.DeliveryState;

/**
 * The filters of the Deliveries view, from its query parameters ({@code state}, {@code since}, {@code until},
 * {@code page} counted from 1). Every problem is kept per parameter for the page to show; none is thrown.
 */
public final class DeliveryFilter {

    static final int PAGE_SIZE = 20;

    private final DeliveryState state;
    private final UtcWindow window;
    private final Integer page;
    private final Map<String, String> errors;

    private DeliveryFilter(DeliveryState state, UtcWindow window, Integer page, Map<String, String> errors) {
        this.state = state;
        this.window = window;
        this.page = page;
        this.errors = errors;
    }

    static DeliveryFilter parse(String state, String since, String until, String page) {
        Map<String, String> errors = new LinkedHashMap<>();
        DeliveryState wanted = null;
        if (state != null && !state.isBlank()) {
            try {
                wanted = DeliveryState.valueOf(state.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.put("state", "State: “" + state.strip() + "” is not a state of a delivery.");
            }
        }
        UtcWindow window = UtcWindow.parse(since, until, false);
        errors.putAll(window.errors());
        Integer number = null;
        if (page != null && !page.isBlank()) {
            try {
                number = Integer.valueOf(page.strip());
            } catch (NumberFormatException e) {
                number = -1;
            }
            if (number < 1) {
                errors.put("page", "Page: “" + page.strip() + "” is not a page number (1 or more).");
                number = null;
            }
        }
        return new DeliveryFilter(wanted, window, number, Map.copyOf(errors));
    }

    // ---- read by the controller ----

    DeliveryState wantedState() {
        return state;
    }

    UtcWindow window() {
        return window;
    }

    /** The page asked for, from 0; null when the request named none. */
    Integer pageIndex() {
        return page == null ? null : page - 1;
    }

    /** The link to another page of the same filters; {@code pageIndex} from 0. */
    String link(long calloutId, int pageIndex) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/callouts/{id}/deliveries");
        if (state != null) {
            uri.queryParam("state", state.name());
        }
        if (window.since() != null) {
            uri.queryParam("since", window.sinceInput());
        }
        if (window.until() != null) {
            uri.queryParam("until", window.untilInput());
        }
        if (pageIndex > 0) {
            uri.queryParam("page", pageIndex + 1);
        }
        return uri.buildAndExpand(calloutId).encode().toUriString();
    }

    // ---- read by the template ----

    public boolean isValid() {
        return errors.isEmpty();
    }

    /** Whether any filter narrows the list (the page number does not). */
    public boolean isActive() {
        return state != null || window.since() != null || window.until() != null
                || errors.containsKey("state") || errors.containsKey("since") || errors.containsKey("until");
    }

    public String getState() {
        return state == null ? "" : state.name();
    }

    public String getSince() {
        return window.sinceInput();
    }

    public String getUntil() {
        return window.untilInput();
    }

    public Map<String, String> getErrors() {
        return errors;
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }
}
