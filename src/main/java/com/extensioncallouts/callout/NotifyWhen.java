package com.extensioncallouts.callout;

public enum NotifyWhen { ALWAYS, ON_ERROR }
