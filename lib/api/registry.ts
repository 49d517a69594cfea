import * as account from "@/lib/account/operations";
import * as agreements from "@/lib/agreements/operations";
import type { Operation } from "@/lib/api/operation";
import * as catalog from "@/lib/catalog/operations";
import * as dataDirectory from "@/lib/data-directory/operations";
import { getInstitutionOp, listInstitutionsOp } from "@/lib/institutions/operations";
import * as members from "@/lib/institutions/member-operations";
import { healthOp, runJobOp } from "@/lib/platform/operations";
import { getNetworkConfigOp } from "@/lib/network-config/operations";
import * as nodes from "@/lib/nodes/operations";
import * as notifications from "@/lib/notifications/operations";
import * as procedures from "@/lib/procedures/operations";

/** Every operation of the public API, in the order the documentation shows them. */
export const OPERATIONS: Operation[] = [
  listInstitutionsOp,
  getInstitutionOp,
  catalog.searchServicesOp,
  catalog.createServiceOp,
  catalog.getServiceOp,
  catalog.updateServiceOp,
  catalog.transitionServiceOp,
  dataDirectory.searchDataItemsOp,
  dataDirectory.createDataItemOp,
  dataDirectory.getDataItemOp,
  dataDirectory.updateDataItemOp,
  dataDirectory.transitionDataItemOp,
  procedures.searchProceduresOp,
  procedures.createProcedureOp,
  procedures.getProcedureOp,
  procedures.updateProcedureOp,
  procedures.transitionProcedureOp,
  agreements.listAgreementsOp,
  agreements.createAgreementOp,
  agreements.getAgreementOp,
  agreements.updateAgreementOp,
  agreements.transitionAgreementOp,
  agreements.attachDocumentOp,
  agreements.getDocumentOp,
  members.listMembersOp,
  members.addMemberOp,
  members.updateMemberOp,
  members.removeMemberOp,
  members.setHeadOfServiceOp,
  members.listPlatformAdminsOp,
  members.addPlatformAdminOp,
  members.removePlatformAdminOp,
  notifications.listNotificationsOp,
  notifications.readNotificationOp,
  account.getAccountOp,
  account.changeOwnEmailOp,
  account.updateMembershipMailOp,
  account.updateMailPreferencesOp,
  account.listSentMailsOp,
  account.confirmAddressOp,
  account.unsubscribeOp,
  getNetworkConfigOp,
  nodes.anchorOp,
  nodes.listNodesOp,
  nodes.createNodeOp,
  nodes.getNodeOp,
  nodes.rotationTokenOp,
  nodes.registrationTokenOp,
  nodes.revokeNodeOp,
  nodes.registerNodeOp,
  nodes.rotateNodeKeysOp,
  runJobOp,
  healthOp,
];
