package org.dsmastery.idgen.worker;

/**
 * Thrown when this instance holds no valid worker-id lease, so it must not issue ids: it
 * has not acquired one yet, all 1024 are taken, or Redis could not confirm the lease in
 * time.
 */
public class NoWorkerIdException extends IllegalStateException {

	public NoWorkerIdException(String message) {
		super(message);
	}

}
