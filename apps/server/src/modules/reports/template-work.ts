import type { TemplateParagraph } from "./report-template.ts";

/**
 * 一（二）年度总体工作和重点工作任务, in the seed's order: 党建, 党风廉政, 一网通办, 一网统管, 监督,
 * 网站与新媒体, 热线. Figures a module holds are computed; the rest are facts registered with their
 * source (fact.*, marked ※ and listed in the appendix). A paragraph whose figures are missing is left out.
 */
export const WORK_PARAGRAPHS: TemplateParagraph[] = [
  {
    key: "work.partyBuilding",
    section: "work",
    label: "党建引领",
    text: "党建引领，统全局聚合力。坚持和完善第一议题学习制度，坚持将党建工作、党风廉政建设、意识形态工作责任制同局中心工作同谋划、同部署；把整改工作作为一项重要政治任务来抓，推动基层群众诉求的反映和解决；探索建立政务党委模式，加强党对进驻部门政务服务窗口组织力量的全面领导。",
  },
  {
    key: "work.integrity",
    section: "work",
    label: "党风廉政建设",
    text: "加强党风廉政建设，推进全面从严治党。严格履行党风廉政建设责任制，落实“一岗双责”，紧盯重点领域、重点问题、关键节点，强化监督检查；依法依规做好招标采购工作，坚持信息化建设专家咨询评审，加强重大决策集体研究；开展扣好年轻干部廉洁从政“第一粒扣子”活动，不断提高拒腐防变能力。",
  },
  {
    key: "work.catalog",
    section: "work",
    label: "一网通办",
    text: "一网通办，融政务便民利企。严格落实市级收回 {{fact.cityReclaimedPowers}} 项行政权力事项的决定，明确交接人员、交接材料，确保规范有序收回。持续加大营商环境创新改革力度，针对高频事项和重点领域，共推出“一件事”主题套餐服务 {{catalog.bundles}} 个；对“容缺受理”事项和清单实行动态化管理，我区有 {{catalog.deferrableDepartments}} 个部门的 {{catalog.deferrableItems}} 个事项已纳入容缺受理；我区共发布“跨域通办”政务服务事项 {{catalog.crossRegionEntries}} 项；实现 {{catalog.policyBenefitItems}} 项“政策兑现”事项统一办理，已受理政策兑现业务 {{catalog.policyBenefitCases}} 宗。",
  },
  {
    key: "work.dataFoundation",
    section: "work",
    label: "一网统管·数据底座",
    text: "一网统管，统云网安数筑数字底座。数据中心平台已汇聚各部门 {{data.aggregatedRows}}条数据，向相关职能部门及各镇街共享交换超过 {{data.sharedRows}}条数据；政务云支撑全区各单位 {{data.systemsOnCloud}} 个业务系统运行。",
  },
  {
    key: "work.network",
    section: "work",
    label: "一网统管·网络与安全",
    text: "筑牢网络和安全基础。骨干网扩容升级至 {{fact.backboneGbps}}G，统一全区政务外网，覆盖 {{fact.internetExits}} 个互联网出口，节约建设经费 {{fact.networkSavingsWan}} 万元以上，每年节省网络租赁费 {{fact.leaseSavingsWan}} 万以上；安全态势感知平台全年检测并捕获攻击 {{fact.attacksBlockedWan}} 万次；融合通信平台共为疫情防控、应急抢险等 {{fact.videoMeetings}} 个场次视频会议提供技术保障。",
  },
  {
    key: "work.villageData",
    section: "work",
    label: "一网统管·城中村数据编目",
    text: "强数据治理，推城中村“智”理。完成 {{data.villageCategories}} 类城中村治理核心数据编目，推进市、区、镇街、村居四级数据归集和共享。",
  },
  {
    key: "work.villageGovernance",
    section: "work",
    label: "一网统管·城中村调研与建模",
    text: "深入城中村调研指导。实地走访 {{fact.townsVisited}} 个镇、{{fact.villagesVisited}} 个城中村调研数据收集、展示和应用问题，针对数据目录、数据字段标准、共享方式等进行技术性指导；完成共计 {{fact.villageModelKm2}} 平方公里的三维地图建模和楼栋单体化。",
  },
  {
    key: "work.grid",
    section: "work",
    label: "网格与两代表一委员",
    text: "推一网协同，提效社会治理。“AI 智慧网格员”通过 AI 智能精准识别，每天报送超过 {{fact.aiGridDailyEvents}} 个网格事件，累计上报工单 {{gridEvents.aiReported}} 件；“两代表一委员”履职督办累计上报事项 {{deputies.items}} 个，目前办结率 {{deputies.closedRate}}，群众满意率 {{deputies.satisfactionRate}}。",
  },
  {
    key: "work.epidemic",
    section: "work",
    label: "疫情防控数据",
    text: "创“花”系列应用，助力疫情防控。以数据落实“名单制”，累计处理核酸人员数据共约 {{fact.covidRecordsYi}} 亿人次，累积下发约 {{fact.releasedWan}} 万人次解除隔离人员、{{fact.pinkZoneWan}} 万人次粉区人员、{{fact.redZoneWan}} 万余人次红区人员的未做核酸人员详细名单。",
  },
  {
    key: "work.cityModel",
    section: "work",
    label: "城市数字底图",
    text: "建智慧应用，聚焦应用场景。三维地图已覆盖主城区 {{fact.mapKm2}} 多平方公里，叠加城市部件、物联网感知单元等近 {{fact.mapLayers}} 个图层，可实时调用及展示 {{fact.buildingsWan}} 万栋房屋、{{fact.doorplatesWan}} 万门牌、{{fact.camerasWan}} 万多路摄像头等数据。",
  },
  {
    key: "work.badRatings",
    section: "work",
    label: "好差评",
    text: "强化监督，以“好差评”为抓手以评促改。形成差评工单流转、督促整改、调查核实、结果反馈全闭环处理机制，全年共受理差评工单 {{badRatings.tickets}} 宗，按时整改率 {{badRatings.onTimeRectificationRate}}。",
  },
  {
    key: "work.inspection",
    section: "work",
    label: "巡视整改",
    text: "落实专项巡视反馈意见整改工作。通过“自查自纠+明察暗访抽查”方式检查便民服务站，已发现问题 {{fact.inspectionProblemsFound}} 个，完成整改 {{fact.inspectionProblemsFixed}} 个；已上线 {{fact.aiInspectors}} 位政务服务 AI 巡查员，设置专职巡查督导人员 {{fact.fullTimeInspectors}} 人。",
  },
  {
    key: "work.website",
    section: "work",
    label: "政府网站与政务新媒体",
    text: "以网为媒，建好管好用好政府网站和政务新媒体。政府网站及时发布各类政府信息 {{fact.websitePosts}} 条，处理网民留言 {{fact.websiteMessages}} 条，开展民意征集 {{fact.websiteSolicitations}} 次，上报网站信息 {{fact.websiteReported}} 条，为各部门、各镇街提供维护服务 {{fact.websiteMaintenance}} 次、处理技术问题 {{fact.websiteIssues}} 个；保留在全国政务新媒体系统备案账号 {{fact.newMediaKept}} 个，注销关停账号 {{fact.newMediaClosed}} 个。",
  },
  {
    key: "work.hotline",
    section: "work",
    label: "12345 热线",
    text: "一线连心，全力为民解烦忧。{{year}} 年 1 月至 12 月，区 12345 政务服务便民热线共受理市 12345 政务服务便民热线转办工单 {{hotline.tickets}} 宗，同比增长 {{hotline.yoyGrowth}}，按时完成率 {{hotline.onTimeRate}}，收到群众表扬 {{hotline.praises}} 宗。",
  },
  {
    key: "work.rectification",
    section: "work",
    label: "涉整改工单",
    text: "高质高效办理涉整改工单。专项期间共受理涉整改工单 {{campaign.rectification.tickets}} 宗，已办结 {{campaign.rectification.closed}} 宗，按时办结率 {{campaign.rectification.onTimeRate}}，满意率 {{campaign.rectification.satisfactionRate}}。",
  },
  {
    key: "work.hotlineEpidemic",
    section: "work",
    label: "涉疫工单",
    text: "多举措保障涉疫工单提速办结。落实涉疫工单当天清零、物资及教育类工单 {{fact.suppliesTicketHours}} 小时办结、涉机场工单 {{fact.airportReplyHours}} 小时初步答复要求；启动区级 {{fact.warmLineHours}} 小时暖心热线，接电 {{fact.warmLineCalls}} 个。",
  },
];
