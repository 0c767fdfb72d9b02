package org.dsmastery.saga;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * saga-orchestrator: runs the PlaceOrder saga of every orchestrated order.
 */
@SpringBootApplication
public class SagaOrchestratorApplication {

	public static void main(String[] args) {
		SpringApplication.run(SagaOrchestratorApplication.class, args);
	}

}
