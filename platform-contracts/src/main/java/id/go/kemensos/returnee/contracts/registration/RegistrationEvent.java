package id.go.kemensos.returnee.contracts.registration;

import id.go.kemensos.returnee.contracts.PlatformEvent;

/**
 * Every event registration-service publishes, a closed set: a consumer's handlers for this stream can name only
 * types that appear on it (the compiler checks), and a new event type is a deliberate change here.
 */
public sealed interface RegistrationEvent extends PlatformEvent
        permits PersonalDataErased, ReturneeRegistered, ReturneeUpdated, UploadCompleted, UploadRowReviewed {}
