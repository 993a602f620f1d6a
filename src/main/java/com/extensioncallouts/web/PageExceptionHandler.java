package com.extensioncallouts.web;

import java.security.Principal;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.support.RequestContextUtils;

import com.extensioncallouts.problem.NotFoundException;

/**
 * A callout that vanished (deleted in another tab, a stale link) sends the page back to the list
 * with a message, instead of the API's problem JSON. Ordered before the API's advice.
 */
@ControllerAdvice(assignableTypes = { CalloutPageController.class, CalloutFormController.class,
        DeliveriesPageController.class, RecoveryPageController.class, SigningPageController.class,
        WorkflowRulesPageController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageExceptionHandler {

    @ExceptionHandler({ NotFoundException.class, MethodArgumentTypeMismatchException.class })
    String notFound(Exception e, HttpServletRequest request, Principal user) {
        WebLog.notFound(user == null ? "anonymous" : user.getName(), e.getMessage());
        RequestContextUtils.getOutputFlashMap(request).put(Notice.ATTRIBUTE,
                Notice.error("That callout does not exist (any more).", List.of()));
        return "redirect:/callouts";
    }
}
