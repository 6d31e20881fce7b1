import { WorkflowPanel as WorkflowPanel_df0a4002001ced1e11749f7cc8c36613 } from '../../../../src/admin/WorkflowPanel'
import { ArticleMarkdownField as ArticleMarkdownField_60d7f49c257604da5a4f07297835e01b } from '../../../../src/admin/ArticleMarkdownField'
import { PagePreview as PagePreview_404608b04a2b7b20e33e120a8fdf65b5 } from '../../../../src/admin/PagePreview'
import { ShownInReviewPanel as ShownInReviewPanel_630a0e5cfba5f4c0949e521f86504c98 } from '../../../../src/admin/ShownInReviewPanel'
import { StateCell as StateCell_fd5d09237cae0355c6e16e59fdac42c2 } from '../../../../src/admin/StateCell'
import { PublishByApproval as PublishByApproval_ff498d7c66e684022028dd66143b45d3 } from '../../../../src/admin/PublishByApproval'
import { ReviewStatus as ReviewStatus_7bf1e9901203931f59b7ec04410a1559 } from '../../../../src/admin/ReviewStatus'
import { NoUnpublishButton as NoUnpublishButton_ff498d7c66e684022028dd66143b45d3 } from '../../../../src/admin/PublishByApproval'
import { ArticleVersions as ArticleVersions_fda5eb4a21897031032b0de60ea35b23 } from '../../../../src/admin/ArticleVersions'
import { ReferenceImport as ReferenceImport_fbe7a668e8a14f3adbd7399435aca08b } from '../../../../src/admin/ReferenceImport'
import { MarkdownField as MarkdownField_9bf0c22d63b313312e00f673008a5604 } from '../../../../src/admin/MarkdownField'
import { ReviewDashboard as ReviewDashboard_34dd8860f9e3e835e93ddaca3eb3d04b } from '../../../../src/admin/ReviewDashboard'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/src/admin/WorkflowPanel#WorkflowPanel": WorkflowPanel_df0a4002001ced1e11749f7cc8c36613,
  "/src/admin/ArticleMarkdownField#ArticleMarkdownField": ArticleMarkdownField_60d7f49c257604da5a4f07297835e01b,
  "/src/admin/PagePreview#PagePreview": PagePreview_404608b04a2b7b20e33e120a8fdf65b5,
  "/src/admin/ShownInReviewPanel#ShownInReviewPanel": ShownInReviewPanel_630a0e5cfba5f4c0949e521f86504c98,
  "/src/admin/StateCell#StateCell": StateCell_fd5d09237cae0355c6e16e59fdac42c2,
  "/src/admin/PublishByApproval#PublishByApproval": PublishByApproval_ff498d7c66e684022028dd66143b45d3,
  "/src/admin/ReviewStatus#ReviewStatus": ReviewStatus_7bf1e9901203931f59b7ec04410a1559,
  "/src/admin/PublishByApproval#NoUnpublishButton": NoUnpublishButton_ff498d7c66e684022028dd66143b45d3,
  "/src/admin/ArticleVersions#ArticleVersions": ArticleVersions_fda5eb4a21897031032b0de60ea35b23,
  "/src/admin/ReferenceImport#ReferenceImport": ReferenceImport_fbe7a668e8a14f3adbd7399435aca08b,
  "/src/admin/MarkdownField#MarkdownField": MarkdownField_9bf0c22d63b313312e00f673008a5604,
  "/src/admin/ReviewDashboard#ReviewDashboard": ReviewDashboard_34dd8860f9e3e835e93ddaca3eb3d04b,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
