package org.dsmastery.gateway;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.ReactorNetty;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayApplicationTests {

	private String configured;

	@BeforeEach
	void rememberTheSetting() {
		this.configured = System.getProperty(ReactorNetty.IO_WORKER_COUNT);
	}

	@AfterEach
	void restoreTheSetting() {
		if (this.configured == null) {
			System.clearProperty(ReactorNetty.IO_WORKER_COUNT);
		}
		else {
			System.setProperty(ReactorNetty.IO_WORKER_COUNT, this.configured);
		}
	}

	@Test
	void runsOneEventLoopPerAvailableProcessor() {
		System.clearProperty(ReactorNetty.IO_WORKER_COUNT);
		GatewayApplication.oneEventLoopPerCore();
		assertThat(System.getProperty(ReactorNetty.IO_WORKER_COUNT))
			.isEqualTo(Integer.toString(Runtime.getRuntime().availableProcessors()));
	}

	@Test
	void keepsAnExplicitEventLoopCount() {
		System.setProperty(ReactorNetty.IO_WORKER_COUNT, "3");
		GatewayApplication.oneEventLoopPerCore();
		assertThat(System.getProperty(ReactorNetty.IO_WORKER_COUNT)).isEqualTo("3");
	}

}
