import { graphql } from '../gql';

export const ReportStaffsQuery = graphql(`
  query ReportStaffs {
    staffs(page: { pageSize: 100 }) {
      items { id name }
    }
  }
`);

export const HelpdeskReportQuery = graphql(`
  query HelpdeskReportView($input: ReportInput!) {
    helpdeskReport(input: $input) {
      from
      to
      timeZone
      total {
        conversations aiOnly aiOnlyRate handedOff handoffRate
        avgQueueWaitSeconds avgFirstResponseSeconds avgResolutionSeconds csatAverage csatCount
        handoffReasons { reason count }
      }
      byDay {
        day conversations aiOnly aiOnlyRate handedOff handoffRate
        avgQueueWaitSeconds avgFirstResponseSeconds csatAverage csatCount
      }
      byStaff { id name conversations aiOnlyRate handoffRate avgQueueWaitSeconds avgFirstResponseSeconds csatAverage csatCount }
      byAgent { id name conversations handedOff avgQueueWaitSeconds avgFirstResponseSeconds csatAverage csatCount }
    }
  }
`);
