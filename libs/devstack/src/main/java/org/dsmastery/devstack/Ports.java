package org.dsmastery.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

final class Ports {

	private Ports() {
	}

	static boolean isOpen(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static void requireFree(int port, String what) {
		if (isOpen(port)) {
			throw new IllegalStateException("Port " + port + " for " + what
					+ " is already in use: is the platform already up (./platform status)?");
		}
	}

	static void awaitOpen(int port, String what, Duration timeout, ProcessHandle process) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!isOpen(port)) {
			if (process != null && !process.isAlive()) {
				throw new IllegalStateException(what + " exited before opening port " + port);
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(what + " did not open port " + port + " within " + timeout);
			}
			try {
				TimeUnit.MILLISECONDS.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while waiting for " + what, ex);
			}
		}
	}

	/**
	 * Waits until nothing listens on the port any more, or the timeout passes.
	 * @param port the port
	 * @param timeout how long to wait at most
	 * @return whether the port closed in time
	 */
	static boolean awaitClosed(int port, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (isOpen(port)) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			try {
				TimeUnit.MILLISECONDS.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

}
