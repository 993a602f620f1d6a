package com.extensioncallouts.notify;

import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.extensioncallouts.CalloutsProperties;
import com.extensioncallouts.notify.NotificationRecord.Status;

/**
 * Tells resources, without ever holding up or failing a callout: the notice leaves only once the
 * engine's transaction has committed (so a rolled-back step sends nothing), on a small bounded pool of
 * its own, with the SMTP timeouts of {@code spring.mail.properties}. Every outcome is recorded.
 * Without {@code spring.mail.host} there is no {@link JavaMailSender}: the notice is logged instead.
 */
@Component
class ResourceNotifier implements DisposableBean {

    private final ObjectProvider<JavaMailSender> mailSender;
    private final NotificationLog notifications;
    private final String from;
    private final ThreadPoolExecutor pool;

    ResourceNotifier(ObjectProvider<JavaMailSender> mailSender, NotificationLog notifications,
            CalloutsProperties properties) {
        this.mailSender = mailSender;
        this.notifications = notifications;
        this.from = properties.mail().from();
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000), r -> {
            Thread t = new Thread(r, "callout-notify-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.pool.allowCoreThreadTimeOut(true);
    }

    void notifyAfterCommit(Notice notice) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    submit(notice);
                }
            });
        } else {
            submit(notice);
        }
    }

    private void submit(Notice notice) {
        try {
            pool.execute(() -> deliver(notice));
        } catch (RejectedExecutionException e) {
            NotifyLog.queueFull(notice);
        }
    }

    private void deliver(Notice notice) {
        Status status;
        String error = null;
        JavaMailSender sender = mailSender.getIfAvailable();
        if (notice.recipients().isEmpty()) {
            NotifyLog.noRecipients(notice);
            status = Status.LOGGED;
            error = "no recipients";
        } else if (sender == null) {
            NotifyLog.logged(notice);
            status = Status.LOGGED;
        } else {
            try {
                sender.send(message(notice));
                NotifyLog.sent(notice);
                status = Status.SENT;
            } catch (RuntimeException e) {
                error = describe(e);
                NotifyLog.failed(notice, error);
                status = Status.FAILED;
            }
        }
        try {
            notifications.record(new NotificationRecord(notice.processInstanceId(), notice.calloutName(),
                    String.join(", ", notice.recipients()), notice.subject(), status, error, Instant.now()));
        } catch (RuntimeException e) {
            NotifyLog.failed(notice, "not recorded: " + e.getClass().getSimpleName());
        }
    }

    private SimpleMailMessage message(Notice notice) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(notice.recipients().toArray(String[]::new));
        message.setSubject(notice.subject());
        message.setText(notice.body());
        return message;
    }

    /** The innermost cause says what went wrong ("Connection refused"), the outer ones only that mail failed. */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    @Override
    public void destroy() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
