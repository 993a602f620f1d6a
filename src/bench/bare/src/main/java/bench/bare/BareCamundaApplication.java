package bench.bare;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

/**
 * Bare Camunda with the Spring Boot starter and its stock settings: the REST API without
 * authentication, full history, the job executor as configured on the command line (or not at all).
 */
@SpringBootApplication
public class BareCamundaApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareCamundaApplication.class, args);
    }

    /** Where the RMM listens: {@code ${rmm.url}} in the BPMN. */
    @Component("rmm")
    public static class Rmm {

        private final String url;

        public Rmm(@Value("${bench.rmm-url}") String url) {
            this.url = url;
        }

        public String getUrl() {
            return url;
        }
    }
}
