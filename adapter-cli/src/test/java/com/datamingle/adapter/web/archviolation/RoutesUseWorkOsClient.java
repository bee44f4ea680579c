package com.datamingle.adapter.web.archviolation;

import com.datamingle.adapter.web.client.workos.WorkOsUserDirectory;

/** Deliberately bad: an inbound route calling the outbound WorkOS client itself. */
public class RoutesUseWorkOsClient {
  WorkOsUserDirectory directory;
}
