<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add a user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation>显示名称：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>The two passwords differ; type them again.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
</context>
<context>
    <name>AdjustDialog</name>
    <message>
        <source>Adjust the R12 figures</source>
        <translation>调整 R12 数据</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Declared</source>
        <translation>申报</translation>
    </message>
    <message>
        <source>Rebuilt</source>
        <translation>重建</translation>
    </message>
    <message>
        <source>Adjusted</source>
        <translation>调整后</translation>
    </message>
    <message>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <source>percent</source>
        <translation>百分比</translation>
    </message>
    <message>
        <source>as declared (rebuilt: {value})</source>
        <translation>沿用申报数（重建：{value}）</translation>
    </message>
    <message>
        <source>as declared ({unit})</source>
        <translation>沿用申报数（{unit}）</translation>
    </message>
    <message>
        <source>Use rebuilt</source>
        <translation>用重建数</translation>
    </message>
    <message>
        <source>Type the rebuilt figure into the adjusted one</source>
        <translation>把重建数填入调整后</translation>
    </message>
    <message>
        <source>Required: why these figures (what the interview, the bills or the site showed)</source>
        <translation>必填：为何采用这些数字（面谈、账单或实地所见）</translation>
    </message>
    <message>
        <source>Scoring uses the adjusted figures from now on (the case is scored again). A figure left empty stays as declared; declared and rebuilt are kept as they are.</source>
        <translation>此后评分使用调整后的数字（案件将重新评分）。留空的项目沿用申报值；申报与重建数字均原样保留。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Saving and scoring the case again…</source>
        <translation>正在保存并重新评分…</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>未保存：{error}</translation>
    </message>
    <message>
        <source>{figure} is not a number.</source>
        <translation>{figure}不是数字。</translation>
    </message>
</context>
<context>
    <name>AllocationModel</name>
    <message>
        <source>To</source>
        <translation>去向</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>借款</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>Limit</source>
        <translation>额度</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Repayment plan</source>
        <translation>还款方式</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Rating of {when}: tier {tier}, score {score}; the rating allows {limit}</source>
        <translation>{when} 的评级：{tier} 级，{score} 分；评级可给额度 {limit}</translation>
    </message>
    <message>
        <source>Proposed terms</source>
        <translation>建议条件</translation>
    </message>
    <message>
        <source>No terms have been recommended for this case.</source>
        <translation>本案件尚无建议条件。</translation>
    </message>
    <message>
        <source>Proposed by {who} at {when}</source>
        <translation>{who} 于 {when} 建议</translation>
    </message>
    <message>
        <source>Amended by {who} at {when}</source>
        <translation>{who} 于 {when} 修改</translation>
    </message>
    <message>
        <source>Signatures so far: none.</source>
        <translation>已有签字：无。</translation>
    </message>
    <message>
        <source>{who} (authority {amount}) at {when}</source>
        <translation>{who}（权限 {amount}）于 {when}</translation>
    </message>
    <message>
        <source>Signatures so far: {names}.</source>
        <translation>已有签字：{names}。</translation>
    </message>
    <message>
        <source>Your approval authority: {amount}.</source>
        <translation>您的审批权限：{amount}。</translation>
    </message>
    <message>
        <source>Your approval authority: {amount}. Your signature completes the approval.</source>
        <translation>您的审批权限：{amount}。您的签字即完成审批。</translation>
    </message>
    <message>
        <source>Your approval authority: {amount}. The limit is above it: your signature is the first of two, and a second approver whose authority covers {limit} must sign.</source>
        <translation>您的审批权限：{amount}。额度超出权限：您的签字为第一签，需由权限覆盖 {limit} 的第二审批人签字。</translation>
    </message>
    <message>
        <source>Approve as proposed</source>
        <translation>按建议批准</translation>
    </message>
    <message>
        <source>Amend the terms and approve them (reason required)</source>
        <translation>修改条件并批准（须填理由）</translation>
    </message>
    <message>
        <source>Decline (reason required)</source>
        <translation>拒绝（须填理由）</translation>
    </message>
    <message>
        <source>Send back to investigation (reason required)</source>
        <translation>退回调查（须填理由）</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>理由（必填）</translation>
    </message>
    <message>
        <source>Remark (optional)</source>
        <translation>备注（选填）</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>签字</translation>
    </message>
    <message>
        <source>Sign amended terms</source>
        <translation>签署修改后的条件</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Send back</source>
        <translation>退回</translation>
    </message>
</context>
<context>
    <name>ApprovalInbox</name>
    <message>
        <source>Approve selected</source>
        <translation>批准所选</translation>
    </message>
    <message>
        <source>Sign the selected cases as proposed, each within your authority</source>
        <translation>按建议签批所选案件（均在您的权限内）</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>{n} case(s) wait for your signature; {m} may be approved together.</source>
        <translation>{n} 个案件等待您签字；其中 {m} 个可批量批准。</translation>
    </message>
    <message>
        <source>Approve selected ({n})</source>
        <translation>批准所选（{n}）</translation>
    </message>
    <message>
        <source>Approving…</source>
        <translation>正在批准…</translation>
    </message>
</context>
<context>
    <name>AuthorityDialog</name>
    <message>
        <source>Approval authority</source>
        <translation>审批权限</translation>
    </message>
    <message>
        <source>Supervisors: the largest limit each may approve alone</source>
        <translation>主管：每人可单独批准的最高额度</translation>
    </message>
    <message>
        <source>The straight-through lane</source>
        <translation>直通车道</translation>
    </message>
    <message>
        <source>The system approves clean cases up to</source>
        <translation>系统自动批准的干净案件上限</translation>
    </message>
    <message>
        <source>Platform cases with complete data, tier A or B and no flag, within this amount, are approved by the system and go straight to disbursement.</source>
        <translation>数据完整、评级 A 或 B、无任何标记且额度在此金额以内的平台案件，由系统自动批准并直接进入放款。</translation>
    </message>
    <message>
        <source>Above a supervisor&apos;s authority the signature counts as the first of two; a second supervisor whose authority covers the limit completes the approval. Empty: none held.</source>
        <translation>超出主管权限时，其签字为第一签；由权限覆盖该额度的第二位主管签字后审批完成。留空：无权限。</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>May approve alone</source>
        <translation>可单独批准</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>{name} — switched off</source>
        <translation>{name} — 已停用</translation>
    </message>
    <message>
        <source>by {who}, {when}</source>
        <translation>{who}，{when}</translation>
    </message>
    <message>
        <source>none held</source>
        <translation>无权限</translation>
    </message>
</context>
<context>
    <name>Background</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>BillDialog</name>
    <message>
        <source>Add utility bill</source>
        <translation>录入水电费单</translation>
    </message>
    <message>
        <source>户号 / account number on the bill</source>
        <translation>户号（账单上的缴费号）</translation>
    </message>
    <message>
        <source>yuan, as on the bill</source>
        <translation>元，按账单金额</translation>
    </message>
    <message>
        <source>peak</source>
        <translation>峰</translation>
    </message>
    <message>
        <source>flat</source>
        <translation>平</translation>
    </message>
    <message>
        <source>valley</source>
        <translation>谷</translation>
    </message>
    <message>
        <source>Type the period as the bill prints it (meter reading to meter reading); the usage is spread over its days month by month.</source>
        <translation>按账单所印的计费周期（抄表日至抄表日）填写；用量按天摊入各月。</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>账单</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>计费周期</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>用量</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Time of use (optional)</source>
        <translation>分时用量（可选）</translation>
    </message>
    <message>
        <source>The amount is not a sum of money.</source>
        <translation>金额格式不正确。</translation>
    </message>
    <message>
        <source>Give all three of peak, flat and valley, or none.</source>
        <translation>峰、平、谷三项要么都填，要么都不填。</translation>
    </message>
</context>
<context>
    <name>BillsModel</name>
    <message>
        <source>Bill</source>
        <translation>账单</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>计费周期</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>用量</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <source>peak {peak}, flat {flat}, valley {valley}</source>
        <translation>峰 {peak}，平 {flat}，谷 {valley}</translation>
    </message>
    <message>
        <source>typed in</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <source>{file} · line {line}</source>
        <translation>{file} · 第 {line} 行</translation>
    </message>
    <message>
        <source>{who}, {when}</source>
        <translation>{who}，{when}</translation>
    </message>
</context>
<context>
    <name>BlacklistDialog</name>
    <message>
        <source>Blacklist</source>
        <translation>黑名单</translation>
    </message>
    <message>
        <source>An applicant whose owner ID, business code or platform account is listed here is declined at intake, with the reason shown. Only a supervisor may list or lift, and always with a reason.</source>
        <translation>经营者身份证号、统一社会信用代码或平台账号列于此处的申请人，在受理时即被拒绝，并显示理由。只有主管可以列入或移出，且必须填写理由。</translation>
    </message>
    <message>
        <source>Show lifted entries</source>
        <translation>显示已移出的条目</translation>
    </message>
    <message>
        <source>Lift…</source>
        <translation>移出…</translation>
    </message>
    <message>
        <source>Add to the blacklist</source>
        <translation>列入黑名单</translation>
    </message>
    <message>
        <source>Required: the number, code or account</source>
        <translation>必填：证件号码、信用代码或平台账号</translation>
    </message>
    <message>
        <source>Required: why, e.g. malicious default on loan 123</source>
        <translation>必填：原因，如贷款 123 恶意违约</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Entries in force: {n}</source>
        <translation>生效条目：{n}</translation>
    </message>
    <message>
        <source>The blacklist could not be read: {error}</source>
        <translation>无法读取黑名单：{error}</translation>
    </message>
    <message>
        <source>Lift blacklist entry</source>
        <translation>移出黑名单条目</translation>
    </message>
    <message>
        <source>Why lift “{value}” ({kind}) from the blacklist?</source>
        <translation>为何将“{value}”（{kind}）移出黑名单？</translation>
    </message>
</context>
<context>
    <name>BlacklistModel</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Listed</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>列入人</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>列入时间</translation>
    </message>
    <message>
        <source>Lifted</source>
        <translation>移出</translation>
    </message>
    <message>
        <source>{when} by {who}: {why}</source>
        <translation>{when}，{who}：{why}</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <source>All officers</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>My work list</source>
        <translation>我的工作清单</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>All risks</source>
        <translation>全部风险</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>全部产品</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>Breached only</source>
        <translation>仅超时</translation>
    </message>
    <message>
        <source>Only cases past their stage&apos;s time limit</source>
        <translation>只显示超过本阶段时限的案件</translation>
    </message>
    <message>
        <source>Search name, credit code or case no. (Ctrl+F)</source>
        <translation>搜索名称、信用代码或案件号（Ctrl+F）</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>领取</translation>
    </message>
    <message>
        <source>Take the selected unassigned case into your work list</source>
        <translation>把所选未分配案件领入您的工作清单</translation>
    </message>
    <message>
        <source>Could not read the cases</source>
        <translation>无法读取案件</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在查找…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln case(s)</source>
        <translation>
            <numerusform>%Ln 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Not claimed</source>
        <translation>未领取</translation>
    </message>
</context>
<context>
    <name>BookLoansModel</name>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>商户</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Outstanding principal</source>
        <translation>本金余额</translation>
    </message>
    <message>
        <source>Days past due</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>— queue —</source>
        <translation>— 队列 —</translation>
    </message>
</context>
<context>
    <name>BreachedModel</name>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Entered stage</source>
        <translation>进入阶段时间</translation>
    </message>
    <message>
        <source>Over the limit by</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>— queue —</source>
        <translation>— 队列 —</translation>
    </message>
</context>
<context>
    <name>BulkResultDialog</name>
    <message>
        <source>Approved together</source>
        <translation>批量批准结果</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Approved: {n} case(s) — {cases}</source>
        <translation>已批准：{n} 个案件 — {cases}</translation>
    </message>
    <message>
        <source>Case {case}: {reason}</source>
        <translation>案件 {case}：{reason}</translation>
    </message>
    <message>
        <source>Not approved:</source>
        <translation>未批准：</translation>
    </message>
</context>
<context>
    <name>CaseMoves</name>
    <message>
        <source>Signed as the first of two: the case waits for a second approver whose authority covers the limit.</source>
        <translation>已作为第一签签字：案件等待权限覆盖该额度的第二审批人。</translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <source>in stage {wait}</source>
        <translation>本阶段已停留 {wait}</translation>
    </message>
    <message>
        <source>{n} working day(s)</source>
        <translation>{n}个工作日</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n}小时</translation>
    </message>
    <message>
        <source>in stage {wait} — limit {limit}, over by {over}</source>
        <translation>本阶段已停留 {wait} — 时限 {limit}，已超 {over}</translation>
    </message>
    <message>
        <source>in stage {wait} of {limit} (due {due})</source>
        <translation>本阶段已停留 {wait}，时限 {limit}（截止 {due}）</translation>
    </message>
    <message>
        <source>Case {case}</source>
        <translation>案件 {case}</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评级</translation>
    </message>
    <message>
        <source>Stage history</source>
        <translation>流转记录</translation>
    </message>
    <message>
        <source>Loan</source>
        <translation>贷款</translation>
    </message>
    <message>
        <source>Investigation</source>
        <translation>调查</translation>
    </message>
    <message>
        <source>The case could not be read: {error}</source>
        <translation>无法读取案件：{error}</translation>
    </message>
    <message>
        <source>Case {case} · {business}</source>
        <translation>案件 {case} · {business}</translation>
    </message>
    <message>
        <source>Risk: {risk}</source>
        <translation>风险：{risk}</translation>
    </message>
    <message>
        <source>Tier {tier}</source>
        <translation>评级 {tier}</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>未评级</translation>
    </message>
    <message>
        <source>Officer: {name}</source>
        <translation>经办人：{name}</translation>
    </message>
    <message>
        <source>In the stage queue (unassigned)</source>
        <translation>在阶段队列中（未分配）</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>领取</translation>
    </message>
    <message>
        <source>{action}…</source>
        <translation>{action}…</translation>
    </message>
    <message>
        <source>No move is open to you on this case.</source>
        <translation>您对该案件当前没有可执行的操作。</translation>
    </message>
    <message>
        <source>Reassign…</source>
        <translation>重新分配…</translation>
    </message>
    <message>
        <source>Why “{action}” for case {case} ({business})?</source>
        <translation>为何对案件 {case}（{business}）执行“{action}”？</translation>
    </message>
    <message>
        <source>Reassign case {case}</source>
        <translation>重新分配案件 {case}</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Case no.</source>
        <translation>案件号</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Amount asked</source>
        <translation>申请金额</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>评级</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Time in stage</source>
        <translation>阶段停留</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>In this stage since {when}</source>
        <translation>自 {when} 起在本阶段</translation>
    </message>
    <message>
        <source>Past the stage&apos;s time limit</source>
        <translation>已超过本阶段时限</translation>
    </message>
</context>
<context>
    <name>ChangesModel</name>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>重评前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>重评后</translation>
    </message>
    <message>
        <source>Double-click to open case {case}</source>
        <translation>双击打开案件 {case}</translation>
    </message>
</context>
<context>
    <name>ClassModel</name>
    <message>
        <source>Class</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Days past due</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Loans</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Outstanding principal</source>
        <translation>本金余额</translation>
    </message>
    <message>
        <source>Share of the book</source>
        <translation>占贷款余额</translation>
    </message>
</context>
<context>
    <name>ClassedLinesModel</name>
    <message>
        <source>✗ financing</source>
        <translation>✗ 融资</translation>
    </message>
    <message>
        <source>✗ own accounts</source>
        <translation>✗ 本人账户</translation>
    </message>
    <message>
        <source>Not counted: loans in and out are financing, not business income or cost, so the line is in no figure.</source>
        <translation>不计入：借入、归还贷款属于融资，不是经营收入或成本，本行不计入任何数字。</translation>
    </message>
    <message>
        <source>Not counted: money moved between the owner&apos;s own accounts is neither income nor cost, so the line is in no figure.</source>
        <translation>不计入：本人账户之间的转账既非收入也非成本，本行不计入任何数字。</translation>
    </message>
    <message>
        <source>Re-classed</source>
        <translation>手工改类</translation>
    </message>
    <message>
        <source>Re-classed (all)</source>
        <translation>按对方改类</translation>
    </message>
    <message>
        <source>Refund in export</source>
        <translation>账单中的退款</translation>
    </message>
    <message>
        <source>Owner&apos;s account</source>
        <translation>本人账户</translation>
    </message>
    <message>
        <source>Own transfer pair</source>
        <translation>本人互转配对</translation>
    </message>
    <message>
        <source>No rule</source>
        <translation>无匹配规则</translation>
    </message>
</context>
<context>
    <name>ClassificationPanel</name>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Search counterparty, memo, note, order number</source>
        <translation>搜索对方、摘要、备注、订单号</translation>
    </message>
    <message>
        <source>Counted and left out</source>
        <translation>计入与未计入</translation>
    </message>
    <message>
        <source>Counted only</source>
        <translation>仅计入的</translation>
    </message>
    <message>
        <source>Left out only</source>
        <translation>仅未计入的</translation>
    </message>
    <message>
        <source>Change category…</source>
        <translation>更改类别…</translation>
    </message>
    <message>
        <source>Open original</source>
        <translation>打开原件</translation>
    </message>
    <message>
        <source>Rules…</source>
        <translation>分类规则…</translation>
    </message>
    <message>
        <source>Choose a counterparty to list its lines; double-click to re-class them all</source>
        <translation>选择对方以列出其流水；双击可将其全部改类</translation>
    </message>
    <message>
        <source>Re-class all…</source>
        <translation>全部改类…</translation>
    </message>
    <message>
        <source>Show all lines</source>
        <translation>显示全部流水</translation>
    </message>
    <message>
        <source>Counterparties</source>
        <translation>交易对方</translation>
    </message>
    <message>
        <source>; moved between the owner&apos;s own pockets (counted neither way): {sum}</source>
        <translation>；本人账户间转移（不计收支）：{sum}</translation>
    </message>
    <message>
        <source>Choose a counterparty to list only its lines.</source>
        <translation>选择一个交易对方，只列出它的流水。</translation>
    </message>
    <message>
        <source>No statement has been uploaded yet.</source>
        <translation>尚未上传流水。</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>全部文件</translation>
    </message>
    <message>
        <source>{shown} of {total} line(s); in − out = {sum}</source>
        <translation>显示 {shown} / {total} 笔；收入 − 支出 = {sum}</translation>
    </message>
    <message>
        <source>Listing the lines of “{name}” only.</source>
        <translation>仅列出“{name}”的流水。</translation>
    </message>
</context>
<context>
    <name>CloseOfDayDialog</name>
    <message>
        <source>Close of day</source>
        <translation>日终</translation>
    </message>
    <message>
        <source>Close the books through</source>
        <translation>日终截至</translation>
    </message>
    <message>
        <source>Loans with something due</source>
        <translation>有待处理的贷款</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Accrues interest, posts interest and penalty where due and moves loans past due into overdue. Running it twice changes nothing; a cancelled run resumes where it stopped.</source>
        <translation>计提利息，到期结息和罚息，并将逾期贷款转入逾期。重复运行不会改变任何结果；取消后再次运行将从中断处继续。</translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>{n} loan(s)</source>
        <translation>{n} 笔</translation>
    </message>
    <message>
        <source>The close of day has not run yet.</source>
        <translation>尚未运行过日终。</translation>
    </message>
    <message>
        <source>Last close of day: through {through}, finished {when}: {loans} loan(s), {postings} posting(s), {overdue} moved to overdue.</source>
        <translation>上次日终：截至 {through}，完成于 {when}：{loans} 笔贷款，{postings} 笔入账，{overdue} 笔转入逾期。</translation>
    </message>
    <message>
        <source>Last close of day: through {through}.</source>
        <translation>上次日终：截至 {through}。</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>运行中…</translation>
    </message>
    <message>
        <source>Stopping after the current batch…</source>
        <translation>当前批次完成后停止…</translation>
    </message>
    <message>
        <source>{loans} loan(s) visited, {postings} interest and penalty posting(s), {overdue} moved to overdue, {closed} closed.</source>
        <translation>处理 {loans} 笔贷款，结息及罚息 {postings} 笔，{overdue} 笔转入逾期，{closed} 笔结清。</translation>
    </message>
    <message>
        <source>Cancelled: {figures} What was done is kept; run again to finish.</source>
        <translation>已取消：{figures} 已完成部分保留；再次运行即可完成。</translation>
    </message>
    <message>
        <source>Closed through {through}: {figures}</source>
        <translation>日终截至 {through}：{figures}</translation>
    </message>
    <message>
        <source>Cancelled. What was done is kept; run again to finish.</source>
        <translation>已取消。已完成部分保留；再次运行即可完成。</translation>
    </message>
    <message>
        <source>The close of day failed: {error}</source>
        <translation>日终失败：{error}</translation>
    </message>
</context>
<context>
    <name>ColumnMappingDialog</name>
    <message>
        <source>Edit the column mapping for {bank}</source>
        <translation>编辑 {bank} 的列对应</translation>
    </message>
    <message>
        <source>Map the columns of {file}</source>
        <translation>对应 {file} 的各列</translation>
    </message>
    <message>
        <source>No known bank layout was found in {file}. Say which column holds what: the mapping is saved under the bank&apos;s name, and the next file with the same header row is read with it without asking.</source>
        <translation>{file} 不是已知的银行流水格式。请指明每一列是什么：对应关系以银行名称保存，以后表头相同的文件将直接按它读取，不再询问。</translation>
    </message>
    <message>
        <source>Which column holds what in statements with this header row. Saving reads every uploaded file read with the earlier mapping again; if one of them cannot be read with the new mapping, nothing is saved.</source>
        <translation>有此表头行的流水中各列是什么。保存后，所有按原对应读取的已上传文件都会重新读取；其中任何一个用新对应读不了，就什么都不保存。</translation>
    </message>
    <message>
        <source>No uploaded file you may open was read with it, so only its header row is shown.</source>
        <translation>没有您可打开、且按它读取的已上传文件，因此只显示表头行。</translation>
    </message>
    <message>
        <source>The rows below are from {file}.</source>
        <translation>以下各行取自 {file}。</translation>
    </message>
    <message>
        <source>(the file)</source>
        <translation>（整个文件）</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Header row</source>
        <translation>表头行</translation>
    </message>
    <message>
        <source>A saved mapping keeps its header row.</source>
        <translation>已保存的对应保留其表头行。</translation>
    </message>
    <message>
        <source>Click the row that names the columns, or choose it above.</source>
        <translation>点击列名所在的行（表头），或在上方选择。</translation>
    </message>
    <message>
        <source>What each column holds</source>
        <translation>各列内容</translation>
    </message>
    <message>
        <source>One signed column (income +, expense −)</source>
        <translation>一列带正负号（收入为正，支出为负）</translation>
    </message>
    <message>
        <source>Income and expense in two columns</source>
        <translation>收入、支出分两列</translation>
    </message>
    <message>
        <source>An amount and a debit/credit column</source>
        <translation>金额列加借贷标志列</translation>
    </message>
    <message>
        <source>Year first: 2024-03-05, 20240305</source>
        <translation>年在前：2024-03-05、20240305</translation>
    </message>
    <message>
        <source>Day first: 05/03/2024</source>
        <translation>日在前：05/03/2024</translation>
    </message>
    <message>
        <source>Month first: 03/05/2024</source>
        <translation>月在前：03/05/2024</translation>
    </message>
    <message>
        <source>words, separated by commas</source>
        <translation>多个词用逗号分隔</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Date written</source>
        <translation>日期写法</translation>
    </message>
    <message>
        <source>Time (optional)</source>
        <translation>时间（可选）</translation>
    </message>
    <message>
        <source>Amount given as</source>
        <translation>金额形式</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Income</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Expense</source>
        <translation>支出</translation>
    </message>
    <message>
        <source>Debit/credit</source>
        <translation>借贷标志</translation>
    </message>
    <message>
        <source>Credit words</source>
        <translation>贷方（收入）标志</translation>
    </message>
    <message>
        <source>Debit words</source>
        <translation>借方（支出）标志</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>对方户名</translation>
    </message>
    <message>
        <source>Counterparty account</source>
        <translation>对方账号</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>The first records as they will be read</source>
        <translation>按此读取的前几笔记录</translation>
    </message>
    <message>
        <source>e.g. 浙江农商银行</source>
        <translation>例如：浙江农商银行</translation>
    </message>
    <message>
        <source>Save and import</source>
        <translation>保存并导入</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>银行</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空行）</translation>
    </message>
    <message>
        <source>Line {line}: {cells}</source>
        <translation>第 {line} 行：{cells}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>(blank)</source>
        <translation>（空白）</translation>
    </message>
    <message>
        <source>No file to preview: the mapping is checked as it is saved.</source>
        <translation>没有可预览的文件：保存时检查该对应。</translation>
    </message>
    <message>
        <source>No records were found under the header row.</source>
        <translation>表头行下面没有找到交易记录。</translation>
    </message>
</context>
<context>
    <name>ComparisonModel</name>
    <message>
        <source>Annual sales</source>
        <translation>年销售额</translation>
    </message>
    <message>
        <source>Operating cost</source>
        <translation>经营成本</translation>
    </message>
    <message>
        <source>Net profit margin</source>
        <translation>净利润率</translation>
    </message>
    <message>
        <source>Sales growth</source>
        <translation>销售增长率</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Declared</source>
        <translation>申报</translation>
    </message>
    <message>
        <source>Rebuilt</source>
        <translation>重建</translation>
    </message>
    <message>
        <source>Adjusted</source>
        <translation>调整后</translation>
    </message>
    <message>
        <source>Gap (declared vs rebuilt)</source>
        <translation>差异（申报对重建）</translation>
    </message>
    <message>
        <source>What scoring reads: the officer&apos;s figure where adjusted, else the declared one (grey, “as declared”)</source>
        <translation>评分读取的数：有调整的用调查员调整数，否则用申报数（灰色，“沿用申报”）</translation>
    </message>
    <message>
        <source>Double-click to open the lines behind it</source>
        <translation>双击查看其背后的流水</translation>
    </message>
    <message>
        <source>Not adjusted: scoring reads the declared figure, {value} (R24)</source>
        <translation>未调整：评分读取申报数 {value}（R24）</translation>
    </message>
    <message>
        <source>{value} (as declared)</source>
        <translation>{value}（沿用申报）</translation>
    </message>
    <message>
        <source>⚠ declared, none in the bills</source>
        <translation>⚠ 有申报，账单中没有</translation>
    </message>
</context>
<context>
    <name>CounterpartiesModel</name>
    <message>
        <source>Counterparty</source>
        <translation>交易对方</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>In − out</source>
        <translation>收 − 支</translation>
    </message>
    <message>
        <source>in {income}, out {expense}</source>
        <translation>收入 {income}，支出 {expense}</translation>
    </message>
    <message>
        <source>; moved neither way (不计收支): {neutral}</source>
        <translation>；不计收支：{neutral}</translation>
    </message>
</context>
<context>
    <name>CustomersModel</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>首次出现</translation>
    </message>
</context>
<context>
    <name>DecisionTab</name>
    <message>
        <source>Declined</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>On to investigation</source>
        <translation>转入调查</translation>
    </message>
    <message>
        <source>Manual review</source>
        <translation>人工审核</translation>
    </message>
    <message>
        <source>Industry outlook</source>
        <translation>行业趋向</translation>
    </message>
    <message>
        <source>Economy</source>
        <translation>宏观经济</translation>
    </message>
    <message>
        <source>Guarantees outstanding</source>
        <translation>对外担保未解除</translation>
    </message>
    <message>
        <source>Property registration issue</source>
        <translation>产权登记问题</translation>
    </message>
    <message>
        <source>Bankruptcy</source>
        <translation>破产</translation>
    </message>
    <message>
        <source>Litigation</source>
        <translation>涉诉</translation>
    </message>
    <message>
        <source>Owner ID number</source>
        <translation>经营者身份证号</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Platform account</source>
        <translation>平台账号</translation>
    </message>
    <message>
        <source>Annual {rate}</source>
        <translation>年化 {rate}</translation>
    </message>
    <message>
        <source>daily {rate}</source>
        <translation>日 {rate}</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <source>{n} times a year</source>
        <translation>每年 {n} 次</translation>
    </message>
    <message>
        <source>{n} ★</source>
        <translation>{n} ★</translation>
    </message>
    <message>
        <source>Re-score</source>
        <translation>重新评分</translation>
    </message>
    <message>
        <source>Score this case again with today&apos;s scorecard and macro settings</source>
        <translation>按当前的评分卡和宏观调整设置重新为该案件评分</translation>
    </message>
    <message>
        <source>Decision of</source>
        <translation>评级决策</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>评级</translation>
    </message>
    <message>
        <source>What made the score, weakest first</source>
        <translation>得分构成（由弱到强）</translation>
    </message>
    <message>
        <source>Limit and price</source>
        <translation>额度与定价</translation>
    </message>
    <message>
        <source>Adjustments and checks</source>
        <translation>调整与核查</translation>
    </message>
    <message>
        <source>Reading the rating…</source>
        <translation>正在读取评级…</translation>
    </message>
    <message>
        <source>The rating could not be read: {error}</source>
        <translation>无法读取评级：{error}</translation>
    </message>
    <message>
        <source>Not rated yet: the case has no rating decision.</source>
        <translation>尚未评级：该案件还没有评级决策。</translation>
    </message>
    <message>
        <source>Press Re-score to rate it now.</source>
        <translation>点击“重新评分”可立即评级。</translation>
    </message>
    <message>
        <source>tier {tier}, {score}</source>
        <translation>评级 {tier}，{score} 分</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>未评分</translation>
    </message>
    <message>
        <source>{when} · {who} · {rated} · {outcome}</source>
        <translation>{when} · {who} · {rated} · {outcome}</translation>
    </message>
    <message>
        <source>Declined.</source>
        <translation>已拒绝。</translation>
    </message>
    <message>
        <source>On to investigation, for a manual review.</source>
        <translation>转入调查，进行人工审核。</translation>
    </message>
    <message>
        <source>On to investigation.</source>
        <translation>转入调查。</translation>
    </message>
    <message>
        <source>On to investigation, with a limit of up to {limit}.</source>
        <translation>转入调查，额度最高 {limit}。</translation>
    </message>
    <message>
        <source>How the score is made: each indicator below is scored 0–100 on its own scale; its weight says how much of the total it can give. The score is the sum of the points given, out of 100, and the score decides the tier.</source>
        <translation>得分的计算方式：下列每项指标按各自的标准计 0–100 分；权重表示该项在总分中最多可占多少分。总分为各项实得分之和，满分 100 分，并由总分决定评级。</translation>
    </message>
    <message>
        <source>Not scored: the case was stopped before scoring.</source>
        <translation>未评分：案件在评分前已被终止。</translation>
    </message>
    <message>
        <source>{score} &lt;span style=&apos;font-size:small; color:#607d8b&apos;&gt;of 100&lt;/span&gt;</source>
        <translation>{score} &lt;span style=&apos;font-size:small; color:#607d8b&apos;&gt;/ 100 分&lt;/span&gt;</translation>
    </message>
    <message>
        <source>{n} indicator(s) missing: the applicant did not supply them. A missing indicator is not counted as zero: the score is made from the others, their weights scaled up to fill the 100 points. Ask for it and score the case again.</source>
        <translation>缺失 {n} 项指标：申请人未提供。缺失的指标不按零分计：总分由其余指标计算，其权重按比例放大至满分 100 分。请向申请人补充索取后重新评分。</translation>
    </message>
    <message>
        <source>{tier} from {score}</source>
        <translation>{tier} ≥ {score} 分</translation>
    </message>
    <message>
        <source>E below {score}</source>
        <translation>E &lt; {score} 分</translation>
    </message>
    <message>
        <source>Tiers: {steps}</source>
        <translation>评级划分：{steps}</translation>
    </message>
    <message>
        <source>No limit: the case was not offered a loan.</source>
        <translation>无额度：该案件未获得贷款。</translation>
    </message>
    <message>
        <source>Combined limit: {amount}</source>
        <translation>合计额度：{amount}</translation>
    </message>
    <message>
        <source>{product}: up to {amount}</source>
        <translation>{product}：最高 {amount}</translation>
    </message>
    <message>
        <source>term up to {n} months</source>
        <translation>期限最长 {n} 个月</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{kind} {value}: {reason}</source>
        <translation>{kind} {value}：{reason}</translation>
    </message>
    <message>
        <source>Macro multipliers applied to the limit: {list}</source>
        <translation>额度适用的宏观调整系数：{list}</translation>
    </message>
    <message>
        <source>Legal flags (any one means a manual review): {list}</source>
        <translation>法律风险标记（任一项即转人工审核）：{list}</translation>
    </message>
    <message>
        <source>Blacklist: {result}</source>
        <translation>黑名单：{result}</translation>
    </message>
    <message>
        <source>listed</source>
        <translation>已列入</translation>
    </message>
    <message>
        <source>not listed</source>
        <translation>未列入</translation>
    </message>
    <message>
        <source>{kind} scorecard version {version} · macro settings version {macro} · decided by {who} at {when}</source>
        <translation>{kind}评分卡版本 {version} · 宏观调整设置版本 {macro} · 由 {who} 于 {when} 作出</translation>
    </message>
    <message>
        <source>Points given, against the most each could give</source>
        <translation>各项实得分与可得最高分对比</translation>
    </message>
    <message>
        <source>points of the 100-point score</source>
        <translation>分（满分 100 分）</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
</context>
<context>
    <name>DocumentsModel</name>
    <message>
        <source>Received</source>
        <translation>已收到</translation>
    </message>
    <message>
        <source>Waived</source>
        <translation>已豁免</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Requested, awaited</source>
        <translation>已索取，待收</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必需</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>已索取</translation>
    </message>
    <message>
        <source>{who_when}: “{reason}”</source>
        <translation>{who_when}：“{reason}”</translation>
    </message>
    <message>
        <source>{when} by {who}</source>
        <translation>{when} {who}</translation>
    </message>
</context>
<context>
    <name>DrawDialog</name>
    <message>
        <source>Disburse a draw</source>
        <translation>放款</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Available to draw</source>
        <translation>可用额度</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Repayment plan</source>
        <translation>还款方式</translation>
    </message>
    <message>
        <source>Falls due on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Disburse</source>
        <translation>放款</translation>
    </message>
    <message>
        <source>Schedule of this draw, if kept to plan</source>
        <translation>本笔借款还款计划（按计划还款）</translation>
    </message>
    <message>
        <source>The limit&apos;s period ends on {until}: no new draw can be made.</source>
        <translation>额度有效期至 {until}：不能再放款。</translation>
    </message>
    <message>
        <source>More than the {available} still available.</source>
        <translation>超过可用额度 {available}。</translation>
    </message>
</context>
<context>
    <name>DrawsModel</name>
    <message>
        <source>Draw</source>
        <translation>借款</translation>
    </message>
    <message>
        <source>Drawn on</source>
        <translation>放款日</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>还款方式</translation>
    </message>
    <message>
        <source>Matures</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Principal left</source>
        <translation>剩余本金</translation>
    </message>
    <message>
        <source>Interest unpaid</source>
        <translation>未付利息</translation>
    </message>
    <message>
        <source>Penalty unpaid</source>
        <translation>未付罚息</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>First start: create the administrator</source>
        <translation>首次启动：创建管理员</translation>
    </message>
    <message>
        <source>This database has no users yet. Create the administrator account; the administrator then adds the investigators, supervisors and finance staff.</source>
        <translation>该数据库还没有用户。请创建管理员账户；之后由管理员添加调查员、主管和财务人员。</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation>显示名称：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>The two passwords differ; type them again.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Time in stage</source>
        <translation>阶段停留</translation>
    </message>
    <message>
        <source>{span} (so far)</source>
        <translation>{span}（至今）</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>Time per stage: {parts}</source>
        <translation>各阶段用时：{parts}</translation>
    </message>
</context>
<context>
    <name>ImportApplicationsDialog</name>
    <message>
        <source>Import applications</source>
        <translation>导入申请</translation>
    </message>
    <message>
        <source>A CSV or Excel (XLSX) file with one application a row. Every good row becomes a draft case in “Application”; rows the rules refuse are listed below.</source>
        <translation>CSV 或 Excel（XLSX）文件，每行一笔申请。每个合格的行都会在“申请”阶段生成一个草稿案件；不符合规则的行列在下方。</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Co&amp;py rejected rows</source>
        <translation>复制被拒行(&amp;P)</translation>
    </message>
    <message>
        <source>Copy the list as tab-separated text (Ctrl+C)</source>
        <translation>将列表复制为制表符分隔的文本（Ctrl+C）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Choose a file of applications</source>
        <translation>选择申请文件</translation>
    </message>
    <message>
        <source>Applications (*.csv *.xlsx);;All files (*)</source>
        <translation>申请文件 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Importing {path}…</source>
        <translation>正在导入 {path}…</translation>
    </message>
    <message>
        <source>Importing applications…</source>
        <translation>正在导入申请…</translation>
    </message>
    <message>
        <source>The import cannot be stopped once it has begun: it continues, and its report will show here when it is done.</source>
        <translation>导入一旦开始便无法中止：导入会继续进行，完成后将在此显示报告。</translation>
    </message>
    <message>
        <source>{n} application(s) created as drafts.</source>
        <translation>已创建 {n} 笔申请草稿。</translation>
    </message>
    <message>
        <source>{n} problem(s) in rejected rows:</source>
        <translation>被拒行中有 {n} 个问题：</translation>
    </message>
    <message>
        <source>The import stopped before the end; rows saved until then remain as drafts.</source>
        <translation>导入在完成前停止；此前已保存的行仍作为草稿保留。</translation>
    </message>
    <message>
        <source>The import failed: {error}</source>
        <translation>导入失败：{error}</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <source>Within your authority</source>
        <translation>在您的权限内</translation>
    </message>
    <message>
        <source>Needs a second approver: you sign first</source>
        <translation>需第二审批人：您为第一签</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>额度</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>建议人</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>已签字</translation>
    </message>
    <message>
        <source>Your signature</source>
        <translation>您的签字</translation>
    </message>
    <message>
        <source>Double-click to open case {case}</source>
        <translation>双击打开案件 {case}</translation>
    </message>
    <message>
        <source>{wait} (since {when})</source>
        <translation>{wait}（自 {when}）</translation>
    </message>
</context>
<context>
    <name>IndicatorModel</name>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Sub-score (0–100)</source>
        <translation>单项得分（0–100）</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Points given</source>
        <translation>实得分</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>{given} of {possible}</source>
        <translation>{given} / {possible}</translation>
    </message>
    <message>
        <source>How it is scored (value → sub-score, straight lines between): {anchors}</source>
        <translation>计分方式（数值 → 单项得分，其间按直线插值）：{anchors}</translation>
    </message>
    <message>
        <source>Not supplied. It is not counted as zero; ask the applicant for it and score the case again.</source>
        <translation>未提供。不按零分计；请向申请人补充索取后重新评分。</translation>
    </message>
    <message>
        <source>Scored {sub} of 100 on its own scale; with a weight of {weight} it gives {given} points.</source>
        <translation>按本项标准得 {sub} 分（满分 100）；权重 {weight}，计入总分 {given} 分。</translation>
    </message>
    <message>
        <source>Scored {sub} of 100 on its own scale; with a weight of {weight} it gives {given} of the {possible} points it could.</source>
        <translation>按本项标准得 {sub} 分（满分 100）；权重 {weight}，实得 {given} 分（最多可得 {possible} 分）。</translation>
    </message>
</context>
<context>
    <name>IndustryModel</name>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Outlook</source>
        <translation>趋向</translation>
    </message>
    <message>
        <source>Limit multiplier</source>
        <translation>额度系数</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>&amp;Save draft</source>
        <translation>保存草稿(&amp;S)</translation>
    </message>
    <message>
        <source>Keep what is filled in, errors and all (Ctrl+S)</source>
        <translation>保存已填写的内容，有误之处也一并保存（Ctrl+S）</translation>
    </message>
    <message>
        <source>Submit for &amp;rating</source>
        <translation>提交评级(&amp;R)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Masked: type the whole number to change it.</source>
        <translation>已脱敏：如需修改，请输入完整号码。</translation>
    </message>
    <message>
        <source>Record the owner&apos;s consent first.</source>
        <translation>请先记录经营者的授权。</translation>
    </message>
    <message>
        <source>New application</source>
        <translation>新建申请</translation>
    </message>
    <message>
        <source>Application — case {id}</source>
        <translation>申请 — 案件 {id}</translation>
    </message>
    <message>
        <source>at most {cap}</source>
        <translation>最高 {cap}</translation>
    </message>
    <message>
        <source>Not a number: {text}</source>
        <translation>不是数字：{text}</translation>
    </message>
    <message>
        <source>A negative amount is not accepted: give the amount asked for.</source>
        <translation>不接受负数金额：请填写申请的金额。</translation>
    </message>
    <message>
        <source>Far more than any customer may borrow (at most {cap}): check for a typo.</source>
        <translation>远超任何客户可借的额度（最多 {cap}）：请检查是否输错。</translation>
    </message>
    <message>
        <source>Type the whole number again, or undo the change to keep it.</source>
        <translation>请重新输入完整号码，或撤销修改以保留原号码。</translation>
    </message>
    <message>
        <source>A named customer needs the years and the share.</source>
        <translation>已填写客户名称的，还需填写合作年限和销售占比。</translation>
    </message>
    <message>
        <source>Give the order&apos;s amount in yuan, e.g. 1280.50.</source>
        <translation>请以元为单位填写订单金额，如 1280.50。</translation>
    </message>
    <message>
        <source>Give the order number.</source>
        <translation>请填写订单号。</translation>
    </message>
    <message>
        <source>Reading case {id}…</source>
        <translation>正在读取案件 {id}…</translation>
    </message>
    <message>
        <source>The application could not be read: {error}</source>
        <translation>无法读取申请资料：{error}</translation>
    </message>
    <message>
        <source>Recorded {when}.</source>
        <translation>记录于 {when}。</translation>
    </message>
    <message>
        <source>{field}, row {row}</source>
        <translation>{field}，第 {row} 行</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}：{problem}</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <source>{errors} error(s) to correct, {warnings} warning(s) to check:</source>
        <translation>{errors} 个错误需更正，{warnings} 个警告需核对：</translation>
    </message>
    <message>
        <source>Correct the errors listed below first.</source>
        <translation>请先更正下列错误。</translation>
    </message>
    <message>
        <source>Score the application and decide (Ctrl+Enter)</source>
        <translation>对申请评分并作出决策（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <source>Reload the case as it is now? The changes in this form will be lost.</source>
        <translation>按案件现状重新载入？本表单中的修改将丢失。</translation>
    </message>
    <message>
        <source>No: keep editing. Your changes stay on screen but cannot be saved until the case is reloaded; note what you need first.</source>
        <translation>否：继续编辑。您的修改留在屏幕上，但在重新载入案件前无法保存；请先记下需要的内容。</translation>
    </message>
    <message>
        <source>Not saved: case {id} was changed by someone else.</source>
        <translation>未保存：案件 {id} 已被他人修改。</translation>
    </message>
    <message>
        <source>Saved as a draft: case {id}.</source>
        <translation>已保存为草稿：案件 {id}。</translation>
    </message>
    <message>
        <source>Case {id} rated</source>
        <translation>案件 {id} 已评级</translation>
    </message>
    <message>
        <source>Case {id} approved</source>
        <translation>案件 {id} 已批准</translation>
    </message>
    <message>
        <source>Tier {tier}, score {score}.</source>
        <translation>评级 {tier}，{score} 分。</translation>
    </message>
    <message>
        <source>Declined at screening.</source>
        <translation>初筛未通过，已拒绝。</translation>
    </message>
    <message>
        <source>Approved by the system (straight-through) for {amount}.</source>
        <translation>系统自动审批通过（直通），金额 {amount}。</translation>
    </message>
    <message>
        <source>Terms: {product}, {term}, {rate}; {plan}.</source>
        <translation>条件：{product}，{term}，{rate}；{plan}。</translation>
    </message>
    <message>
        <source>The case is with finance for disbursement.</source>
        <translation>案件已转财务待放款。</translation>
    </message>
    <message>
        <source>On to investigation: tier {tier}, score {score}, limit {limit}.</source>
        <translation>转入调查：评级 {tier}，得分 {score}，额度 {limit}。</translation>
    </message>
    <message>
        <source>Flagged for manual review.</source>
        <translation>已转人工审核。</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>放弃修改？</translation>
    </message>
    <message>
        <source>The changes to this application are not saved. Discard them?</source>
        <translation>对该申请的修改尚未保存。确定放弃吗？</translation>
    </message>
</context>
<context>
    <name>IntakeSections</name>
    <message>
        <source>Business and owner</source>
        <translation>企业与经营者</translation>
    </message>
    <message>
        <source>Platform seller</source>
        <translation>平台卖家</translation>
    </message>
    <message>
        <source>Taobao, Tmall, Alibaba or Alipay seller</source>
        <translation>淘宝、天猫、阿里巴巴或支付宝卖家</translation>
    </message>
    <message>
        <source>Off-platform business</source>
        <translation>平台外企业</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Business name</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>18 characters</source>
        <translation>18 位</translation>
    </message>
    <message>
        <source>Owner name</source>
        <translation>经营者姓名</translation>
    </message>
    <message>
        <source>Owner ID number</source>
        <translation>经营者身份证号</translation>
    </message>
    <message>
        <source>Owner phone</source>
        <translation>经营者电话</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Platform account</source>
        <translation>平台账号</translation>
    </message>
    <message>
        <source>None: not bank-referred</source>
        <translation>无（非银行端客户）</translation>
    </message>
    <message>
        <source>Partner bank</source>
        <translation>合作银行</translation>
    </message>
    <message>
        <source>Loan asked</source>
        <translation>申请贷款</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Financials, last 12 months</source>
        <translation>财务数据（近 12 个月）</translation>
    </message>
    <message>
        <source>Total sales</source>
        <translation>销售总额</translation>
    </message>
    <message>
        <source>Operating cost</source>
        <translation>营业成本</translation>
    </message>
    <message>
        <source>Net profit margin</source>
        <translation>净利润率</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>存货</translation>
    </message>
    <message>
        <source>Total assets</source>
        <translation>资产总额</translation>
    </message>
    <message>
        <source>Total liabilities</source>
        <translation>负债总额</translation>
    </message>
    <message>
        <source>Accounts receivable</source>
        <translation>应收账款</translation>
    </message>
    <message>
        <source>Sales growth, year on year</source>
        <translation>销售额同比增长</translation>
    </message>
    <message>
        <source>Platform share of sales</source>
        <translation>平台销售占比</translation>
    </message>
    <message>
        <source>Two largest customers</source>
        <translation>前两大客户</translation>
    </message>
    <message>
        <source>Activity and reviews</source>
        <translation>经营活跃度与评价</translation>
    </message>
    <message>
        <source>Active days</source>
        <translation>活跃天数</translation>
    </message>
    <message>
        <source>days a month</source>
        <translation>天/月</translation>
    </message>
    <message>
        <source>Positive reviews</source>
        <translation>好评率</translation>
    </message>
    <message>
        <source>Platform data</source>
        <translation>平台数据</translation>
    </message>
    <message>
        <source>Orders, 12 months</source>
        <translation>订单量（近 12 个月）</translation>
    </message>
    <message>
        <source>Inventory turnover</source>
        <translation>存货周转率</translation>
    </message>
    <message>
        <source>times a year</source>
        <translation>次/年</translation>
    </message>
    <message>
        <source>Complaints, 12 months</source>
        <translation>投诉（近 12 个月）</translation>
    </message>
    <message>
        <source>Seller level</source>
        <translation>卖家等级</translation>
    </message>
    <message>
        <source>DSR</source>
        <translation>DSR 评分</translation>
    </message>
    <message>
        <source>Buyers&apos; favourites</source>
        <translation>买家收藏</translation>
    </message>
    <message>
        <source>Certified</source>
        <translation>已认证</translation>
    </message>
    <message>
        <source>Login days</source>
        <translation>登录天数</translation>
    </message>
    <message>
        <source>Advertising</source>
        <translation>广告投入</translation>
    </message>
    <message>
        <source>a month</source>
        <translation>/月</translation>
    </message>
    <message>
        <source>Community posts</source>
        <translation>社区发帖</translation>
    </message>
    <message>
        <source>Orders offered for an order loan</source>
        <translation>申请订单贷款的订单</translation>
    </message>
    <message>
        <source>Orders offered</source>
        <translation>申贷订单</translation>
    </message>
    <message>
        <source>Legal review</source>
        <translation>法律审查</translation>
    </message>
    <message>
        <source>Guarantees given for others, outstanding</source>
        <translation>对外担保未解除</translation>
    </message>
    <message>
        <source>Property registration issue</source>
        <translation>产权登记问题</translation>
    </message>
    <message>
        <source>Bankruptcy proceedings</source>
        <translation>破产程序</translation>
    </message>
    <message>
        <source>Litigation pending</source>
        <translation>未决诉讼</translation>
    </message>
    <message>
        <source>Any ticked item sends the case to manual review.</source>
        <translation>勾选任一项，案件即转人工审核。</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>授权</translation>
    </message>
    <message>
        <source>The owner consents to the use of their data and to credit queries</source>
        <translation>经营者同意使用其数据并授权查询征信</translation>
    </message>
    <message>
        <source>Signed form</source>
        <translation>签署授权书</translation>
    </message>
    <message>
        <source>Checkbox in the app</source>
        <translation>App 内勾选同意</translation>
    </message>
    <message>
        <source>Recorded video call</source>
        <translation>视频通话录像</translation>
    </message>
    <message>
        <source>How it was given</source>
        <translation>授权方式</translation>
    </message>
    <message>
        <source>How consent was given</source>
        <translation>授权方式</translation>
    </message>
</context>
<context>
    <name>InterviewDialog</name>
    <message>
        <source>Record interview</source>
        <translation>记录面谈</translation>
    </message>
    <message>
        <source>Held at</source>
        <translation>面谈时间</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Checklist: tick what was done on the call</source>
        <translation>核查清单：勾选面谈中完成的事项</translation>
    </message>
    <message>
        <source>{title}: {hint}</source>
        <translation>{title}：{hint}</translation>
    </message>
    <message>
        <source>Without the identity check this interview does not count: the case cannot be recommended until an interview confirms who the owner is.</source>
        <translation>未核实身份的面谈不算数：面谈确认经营者本人之前，案件不能推荐审批。</translation>
    </message>
    <message>
        <source>Required: what the interview found (what you saw, what the owner said)</source>
        <translation>必填：面谈所见所闻（看到了什么，经营者说了什么）</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>记录</translation>
    </message>
</context>
<context>
    <name>InterviewsModel</name>
    <message>
        <source>Held</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Investigator</source>
        <translation>调查员</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>核查清单</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>identity checked</source>
        <translation>已核实身份</translation>
    </message>
    <message>
        <source>identity NOT checked</source>
        <translation>未核实身份</translation>
    </message>
    <message>
        <source>{identity} · {n} of {total} items</source>
        <translation>{identity} · {n}/{total} 项</translation>
    </message>
</context>
<context>
    <name>InvestigationTab</name>
    <message>
        <source>Interview and documents</source>
        <translation>面谈与资料</translation>
    </message>
    <message>
        <source>Uploads</source>
        <translation>上传资料</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>流水分类</translation>
    </message>
    <message>
        <source>Rebuilt statement</source>
        <translation>重建报表</translation>
    </message>
    <message>
        <source>Reading the uploads and rebuilding the statement…</source>
        <translation>正在读取上传资料并重建报表…</translation>
    </message>
    <message>
        <source>Uploads ({n})</source>
        <translation>上传资料（{n}）</translation>
    </message>
    <message>
        <source>The statements could not be read: {error}</source>
        <translation>流水无法读取：{error}</translation>
    </message>
    <message>
        <source>Adjust</source>
        <translation>调整</translation>
    </message>
</context>
<context>
    <name>InvestigationText</name>
    <message>
        <source>Identity</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Premises</source>
        <translation>经营场所</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>经营</translation>
    </message>
    <message>
        <source>Use of funds</source>
        <translation>资金用途</translation>
    </message>
    <message>
        <source>Other debts</source>
        <translation>其他负债</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>授权</translation>
    </message>
    <message>
        <source>The person on the call is the owner on the ID card</source>
        <translation>视频中的人就是身份证上的经营者本人</translation>
    </message>
    <message>
        <source>The shop, stall or warehouse was shown on camera</source>
        <translation>镜头中展示了店铺、摊位或仓库</translation>
    </message>
    <message>
        <source>Goods on hand were shown and match the declared inventory</source>
        <translation>展示了现有货物，与申报库存相符</translation>
    </message>
    <message>
        <source>What is sold, to whom, and through which channels</source>
        <translation>卖什么、卖给谁、通过什么渠道</translation>
    </message>
    <message>
        <source>What the loan is for</source>
        <translation>贷款用于什么</translation>
    </message>
    <message>
        <source>Other loans, guarantees given, private lending</source>
        <translation>其他贷款、对外担保、民间借贷</translation>
    </message>
    <message>
        <source>Consent to the data use and credit queries confirmed again</source>
        <translation>再次确认同意数据使用和征信查询</translation>
    </message>
    <message>
        <source>Video interview</source>
        <translation>视频面谈</translation>
    </message>
    <message>
        <source>Online (voice or text)</source>
        <translation>在线（语音或文字）</translation>
    </message>
    <message>
        <source>On site</source>
        <translation>上门</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>ICBC</source>
        <translation>工商银行</translation>
    </message>
    <message>
        <source>CCB</source>
        <translation>建设银行</translation>
    </message>
    <message>
        <source>CCB (signed amounts)</source>
        <translation>建设银行（正负金额）</translation>
    </message>
    <message>
        <source>China Merchants Bank</source>
        <translation>招商银行</translation>
    </message>
    <message>
        <source>Bank of Communications</source>
        <translation>交通银行</translation>
    </message>
    <message>
        <source>Other bank (columns mapped)</source>
        <translation>其他银行（已对应列）</translation>
    </message>
    <message>
        <source>Utility bills</source>
        <translation>水电费单</translation>
    </message>
    <message>
        <source>Electricity</source>
        <translation>电费</translation>
    </message>
    <message>
        <source>Water</source>
        <translation>水费</translation>
    </message>
    <message>
        <source>kWh</source>
        <translation>千瓦时</translation>
    </message>
    <message>
        <source>m³</source>
        <translation>立方米</translation>
    </message>
    <message>
        <source>{source}: {bank}</source>
        <translation>{source}：{bank}</translation>
    </message>
</context>
<context>
    <name>LaneBoard</name>
    <message>
        <source>Over {n} d</source>
        <translation>超{n}个工作日</translation>
    </message>
    <message>
        <source>Over {n} h</source>
        <translation>超{n}小时</translation>
    </message>
    <message>
        <source>No time limit in this stage</source>
        <translation>本阶段无时限</translation>
    </message>
    <message>
        <source>Time limit: {n} working day(s)</source>
        <translation>时限：{n}个工作日</translation>
    </message>
    <message>
        <source>Time limit: {n} hour(s)</source>
        <translation>时限：{n}小时</translation>
    </message>
    <message>
        <source>On the line</source>
        <translation>流水线上</translation>
    </message>
    <message>
        <source>Over limit</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Off the line</source>
        <translation>线外</translation>
    </message>
</context>
<context>
    <name>LaneCard</name>
    <message>
        <source>Green {g} · Amber {a} · Red {r}</source>
        <translation>绿 {g} · 黄 {a} · 红 {r}</translation>
    </message>
    <message>
        <source>Slowest to clear at its recent pace: the line&apos;s bottleneck</source>
        <translation>按近期速度清空最慢：流水线的瓶颈</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>件待办</translation>
    </message>
    <message>
        <source>cases</source>
        <translation>件</translation>
    </message>
    <message>
        <source>Oldest</source>
        <translation>最久等待</translation>
    </message>
    <message>
        <source>Over limit</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>无时限</translation>
    </message>
    <message>
        <source>{n}/day</source>
        <translation>{n}件/天</translation>
    </message>
    <message>
        <source>Pace (7 d)</source>
        <translation>速度（7天）</translation>
    </message>
    <message>
        <source>stalled</source>
        <translation>停滞</translation>
    </message>
    <message>
        <source>{n} d</source>
        <translation>{n}天</translation>
    </message>
    <message>
        <source>Clears in</source>
        <translation>预计清空</translation>
    </message>
    <message>
        <source>Bottleneck</source>
        <translation>瓶颈</translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <source>From credit: draw {draw}, due {due}</source>
        <translation>挂账抵扣：借款 {draw}，{due} 到期</translation>
    </message>
    <message>
        <source>From credit, repaid early: {parts}</source>
        <translation>挂账提前还款：{parts}</translation>
    </message>
    <message>
        <source>{parts} ({credit} of it from credit)</source>
        <translation>{parts}（其中 {credit} 来自挂账）</translation>
    </message>
    <message>
        <source>Credit given back to the customer; {credit} held after</source>
        <translation>挂账退还客户；此后挂账 {credit}</translation>
    </message>
    <message>
        <source>draw {draw}, due {due}</source>
        <translation>借款 {draw}，{due} 到期</translation>
    </message>
    <message>
        <source>draw {draw}</source>
        <translation>借款 {draw}</translation>
    </message>
    <message>
        <source>reverses no. {seq} ({kind})</source>
        <translation>冲正第 {seq} 笔（{kind}）</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Allocation / detail</source>
        <translation>分配 / 明细</translation>
    </message>
    <message>
        <source>Principal after</source>
        <translation>本金余额</translation>
    </message>
    <message>
        <source>Interest after</source>
        <translation>利息余额</translation>
    </message>
    <message>
        <source>Penalty after</source>
        <translation>罚息余额</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Recorded {when} by {who}</source>
        <translation>{who} 于 {when} 记录</translation>
    </message>
    <message>
        <source>{kind} (reversed)</source>
        <translation>{kind}（已冲正）</translation>
    </message>
</context>
<context>
    <name>LoanPdf</name>
    <message>
        <source>Case {case}</source>
        <translation>案件 {case}</translation>
    </message>
    <message>
        <source>printed {when}</source>
        <translation>打印于 {when}</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>额度</translation>
    </message>
    <message>
        <source>Repayment plan</source>
        <translation>还款方式</translation>
    </message>
    <message>
        <source>Limit period</source>
        <translation>额度有效期</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>利息</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>{amount}, the amount due on {day}</source>
        <translation>{amount}，即 {day} 当日应还</translation>
    </message>
    <message>
        <source>{days} days past due ({cls})</source>
        <translation>逾期 {days} 天（{cls}）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Drawn in all</source>
        <translation>累计放款</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可用额度</translation>
    </message>
    <message>
        <source>Outstanding principal</source>
        <translation>未还本金</translation>
    </message>
    <message>
        <source>Interest (posted unpaid + accruing)</source>
        <translation>利息（已结未付 + 计提中）</translation>
    </message>
    <message>
        <source>Penalty (posted unpaid + accruing)</source>
        <translation>罚息（已结未付 + 计提中）</translation>
    </message>
    <message>
        <source>Credit held</source>
        <translation>挂账余额</translation>
    </message>
    <message>
        <source>Credit beyond all owed, to give back</source>
        <translation>超出全部欠款的挂账，应退还</translation>
    </message>
    <message>
        <source>Total to settle today</source>
        <translation>今日结清合计</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>下次应还</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>借款</translation>
    </message>
    <message>
        <source>Drawn on</source>
        <translation>放款日</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Matures</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Principal left</source>
        <translation>剩余本金</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>明细</translation>
    </message>
    <message>
        <source>Principal after</source>
        <translation>本金余额</translation>
    </message>
    <message>
        <source>Interest after</source>
        <translation>利息余额</translation>
    </message>
    <message>
        <source>Penalty after</source>
        <translation>罚息余额</translation>
    </message>
    <message>
        <source>Balances</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Draws</source>
        <translation>借款</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>分户账</translation>
    </message>
    <message>
        <source>Balances at the close of {day}.</source>
        <translation>截至 {day} 日终的余额。</translation>
    </message>
    <message>
        <source>Statement of account</source>
        <translation>对账单</translation>
    </message>
    <message>
        <source>Falls due on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Approved limit</source>
        <translation>批准额度</translation>
    </message>
    <message>
        <source>Disbursed by</source>
        <translation>放款经办</translation>
    </message>
    <message>
        <source>Interest runs from the day after the draw on the principal outstanding; early repayment costs no fee. Overdue principal bears penalty interest at 1.5 times the daily rate.</source>
        <translation>利息自放款次日起按未还本金计算；提前还款不收费。逾期本金按日利率的 1.5 倍计收罚息。</translation>
    </message>
    <message>
        <source>Schedule, if kept to plan</source>
        <translation>还款计划（按计划还款）</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>签字</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>财务</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Disbursement voucher</source>
        <translation>放款凭证</translation>
    </message>
</context>
<context>
    <name>LoanTab</name>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Print which?</source>
        <translation>打印哪一份？</translation>
    </message>
    <message>
        <source>The loan</source>
        <translation>贷款</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>额度</translation>
    </message>
    <message>
        <source>Drawn in all</source>
        <translation>累计放款</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可用额度</translation>
    </message>
    <message>
        <source>Outstanding principal</source>
        <translation>未还本金</translation>
    </message>
    <message>
        <source>Interest (posted + accruing)</source>
        <translation>利息（已结 + 计提中）</translation>
    </message>
    <message>
        <source>Penalty (posted + accruing)</source>
        <translation>罚息（已结 + 计提中）</translation>
    </message>
    <message>
        <source>Credit held</source>
        <translation>挂账余额</translation>
    </message>
    <message>
        <source>Total to settle today</source>
        <translation>今日结清合计</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>下次应还</translation>
    </message>
    <message>
        <source>Days past due</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Draw…</source>
        <translation>放款…</translation>
    </message>
    <message>
        <source>Repay…</source>
        <translation>还款…</translation>
    </message>
    <message>
        <source>Reverse…</source>
        <translation>冲正…</translation>
    </message>
    <message>
        <source>Apply credit…</source>
        <translation>挂账抵扣…</translation>
    </message>
    <message>
        <source>Refund credit…</source>
        <translation>退还挂账…</translation>
    </message>
    <message>
        <source>Trial calculation…</source>
        <translation>还款试算…</translation>
    </message>
    <message>
        <source>Statement (PDF)…</source>
        <translation>对账单（PDF）…</translation>
    </message>
    <message>
        <source>Voucher (PDF)…</source>
        <translation>放款凭证（PDF）…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Draws</source>
        <translation>借款</translation>
    </message>
    <message>
        <source>Ledger (running balances after each row)</source>
        <translation>分户账（每笔后的余额）</translation>
    </message>
    <message>
        <source>limit period {start} — {end}</source>
        <translation>额度有效期 {start} — {end}</translation>
    </message>
    <message>
        <source>{total} ({posted} posted + {accruing} accruing)</source>
        <translation>{total}（已结 {posted} + 计提 {accruing}）</translation>
    </message>
    <message>
        <source>{amount}, the amount due on {day}</source>
        <translation>{amount}，即 {day} 当日应还</translation>
    </message>
    <message>
        <source>nothing due</source>
        <translation>无应还</translation>
    </message>
    <message>
        <source>{days} ({cls})</source>
        <translation>{days}（{cls}）</translation>
    </message>
    <message>
        <source>What settles everything due on {day}, if paid on that day. Paid earlier, interest is charged to the payment day only; the days after it accrue on what remains and fall due on {day}.</source>
        <translation>当日还款可结清 {day} 到期的全部款项。提前还款时，利息只计到还款日；之后各天按剩余本金计息，于 {day} 到期。</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Figures to the close of {day}; last close of day: {closed}.</source>
        <translation>数据截至 {day} 日终；上次日终：{closed}。</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>还款计划</translation>
    </message>
    <message>
        <source>Schedule of draw {draw}</source>
        <translation>借款 {draw} 的还款计划</translation>
    </message>
    <message>
        <source>The customer asks the credit held to repay early: penalty, interest, principal, oldest first.</source>
        <translation>客户要求用挂账提前还款：先罚息、再利息、后本金，先到期先还。</translation>
    </message>
    <message>
        <source>Give back to the customer the credit beyond everything owed.</source>
        <translation>把超出全部欠款的挂账退还客户。</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>冲正</translation>
    </message>
    <message>
        <source>Why reverse entry no. {seq} ({amount} on {day})?</source>
        <translation>为何冲正第 {seq} 笔（{day}，{amount}）？</translation>
    </message>
    <message>
        <source>The credit of {credit} held repays early today (the customer asked): {parts}. Go ahead?</source>
        <translation>今日用挂账 {credit} 提前还款（客户要求）：{parts}。继续？</translation>
    </message>
    <message>
        <source>Apply credit</source>
        <translation>挂账抵扣</translation>
    </message>
    <message>
        <source>Refund credit</source>
        <translation>退还挂账</translation>
    </message>
    <message>
        <source>Give back {amount} to the customer: the credit held ({credit}) beyond everything owed. Why, and how is it paid out?</source>
        <translation>退还客户 {amount}：即挂账（{credit}）中超出全部欠款的部分。原因是什么，如何支付？</translation>
    </message>
    <message>
        <source>Statement of account</source>
        <translation>对账单</translation>
    </message>
    <message>
        <source>Disbursement voucher</source>
        <translation>放款凭证</translation>
    </message>
    <message>
        <source>The PDF could not be saved: {error}</source>
        <translation>PDF 无法保存：{error}</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>LoanText</name>
    <message>
        <source>Interest monthly, principal at maturity</source>
        <translation>按月付息、到期还本</translation>
    </message>
    <message>
        <source>Equal principal monthly</source>
        <translation>等额本金</translation>
    </message>
    <message>
        <source>Interest monthly</source>
        <translation>按月付息</translation>
    </message>
    <message>
        <source>Equal principal</source>
        <translation>等额本金</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>借款</translation>
    </message>
    <message>
        <source>Repayment</source>
        <translation>还款</translation>
    </message>
    <message>
        <source>Interest posted</source>
        <translation>结息</translation>
    </message>
    <message>
        <source>Penalty posted</source>
        <translation>罚息入账</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>冲正</translation>
    </message>
    <message>
        <source>Credit refunded</source>
        <translation>挂账退还</translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation>罚息</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>利息</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <source>Credit (held)</source>
        <translation>挂账（暂收）</translation>
    </message>
    <message>
        <source>Annual {rate}</source>
        <translation>年化 {rate}</translation>
    </message>
    <message>
        <source>daily {rate}</source>
        <translation>日利率 {rate}</translation>
    </message>
    <message>
        <source>{n} months</source>
        <translation>{n} 个月</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in — Credit workstation</source>
        <translation>登录 — 信贷工作站</translation>
    </message>
    <message>
        <source>Credit workstation</source>
        <translation>信贷工作站</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Demo only</source>
        <translation>仅限演示</translation>
    </message>
    <message>
        <source>password {password} for every demo log-in:</source>
        <translation>所有演示账户的密码均为 {password}：</translation>
    </message>
</context>
<context>
    <name>MacroHistoryModel</name>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Economy</source>
        <translation>宏观经济</translation>
    </message>
    <message>
        <source>Industries</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>(first settings)</source>
        <translation>（初始设置）</translation>
    </message>
    <message>
        <source>none listed</source>
        <translation>未列出</translation>
    </message>
</context>
<context>
    <name>MacroSettings</name>
    <message>
        <source>Growing</source>
        <translation>增长</translation>
    </message>
    <message>
        <source>Stable</source>
        <translation>稳定</translation>
    </message>
    <message>
        <source>Shrinking</source>
        <translation>萎缩</translation>
    </message>
    <message>
        <source>Expansion</source>
        <translation>扩张</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>中性</translation>
    </message>
    <message>
        <source>Downturn</source>
        <translation>下行</translation>
    </message>
</context>
<context>
    <name>MacroSettingsDialog</name>
    <message>
        <source>Macro settings</source>
        <translation>宏观调整设置</translation>
    </message>
    <message>
        <source>The outlook of the economy and of each industry scales every new limit. Saving makes a new version; decisions already taken keep the version they used.</source>
        <translation>宏观经济和各行业的趋向会按比例调整每笔新额度。保存即生成新版本；已作出的决策仍保留其使用的版本。</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>当前生效</translation>
    </message>
    <message>
        <source>Economy (宏观经济)</source>
        <translation>宏观经济</translation>
    </message>
    <message>
        <source>Industry name, as on the cases</source>
        <translation>行业名称（与案件中一致）</translation>
    </message>
    <message>
        <source>Add industry</source>
        <translation>添加行业</translation>
    </message>
    <message>
        <source>An industry not listed counts as {outlook}.</source>
        <translation>未列出的行业按“{outlook}”处理。</translation>
    </message>
    <message>
        <source>Industry outlook (行业趋向)</source>
        <translation>行业趋向</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>历史版本</translation>
    </message>
    <message>
        <source>Save as a new version</source>
        <translation>保存为新版本</translation>
    </message>
    <message>
        <source>Reading the settings…</source>
        <translation>正在读取设置…</translation>
    </message>
    <message>
        <source>The settings could not be read: {error}</source>
        <translation>无法读取设置：{error}</translation>
    </message>
    <message>
        <source>version {n}</source>
        <translation>版本 {n}</translation>
    </message>
    <message>
        <source>limit {factor}</source>
        <translation>额度 {factor}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Credit workstation — the credit factory</source>
        <translation>信贷工作站 — 信贷工厂</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>看板</translation>
    </message>
    <message>
        <source>Queue review</source>
        <translation>队列检查</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Read the line again (F5)</source>
        <translation>重新读取流水线（F5）</translation>
    </message>
    <message>
        <source>&amp;Close case tab</source>
        <translation>关闭案件标签页(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <source>Find a case on the board (Ctrl+F)</source>
        <translation>在看板上查找案件（Ctrl+F）</translation>
    </message>
    <message>
        <source>&amp;Board</source>
        <translation>看板(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Queue review</source>
        <translation>队列检查(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Portfolio</source>
        <translation>贷款组合(&amp;P)</translation>
    </message>
    <message>
        <source>The loan book by overdue class and the non-performing ratio (Ctrl+4)</source>
        <translation>按逾期分类的贷款余额与不良率 (Ctrl+4)</translation>
    </message>
    <message>
        <source>Portfolio</source>
        <translation>贷款组合</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>用户(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Database check</source>
        <translation>数据库检查(&amp;D)</translation>
    </message>
    <message>
        <source>Saved &amp;bank mappings…</source>
        <translation>已保存的银行列对应(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;New application…</source>
        <translation>新建申请(&amp;N)…</translation>
    </message>
    <message>
        <source>Take a new application (Ctrl+N)</source>
        <translation>受理新申请（Ctrl+N）</translation>
    </message>
    <message>
        <source>&amp;Import applications…</source>
        <translation>导入申请(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Edit application…</source>
        <translation>编辑申请(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Cases</source>
        <translation>案件(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Admin</source>
        <translation>管理(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <source>{name} · {role}</source>
        <translation>{name} · {role}</translation>
    </message>
    <message>
        <source>Business date {date}</source>
        <translation>营业日 {date}</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>Case {id}</source>
        <translation>案件 {id}</translation>
    </message>
    <message>
        <source>Case {id}: {name}</source>
        <translation>案件 {id}：{name}</translation>
    </message>
    <message>
        <source>Case {id} saved.</source>
        <translation>案件 {id} 已保存。</translation>
    </message>
    <message>
        <source>Open a case in “Application” first.</source>
        <translation>请先打开一个处于“申请”阶段的案件。</translation>
    </message>
    <message>
        <source>Case {id} submitted and rated.</source>
        <translation>案件 {id} 已提交并完成评级。</translation>
    </message>
    <message>
        <source>Edit application…</source>
        <translation>编辑申请…</translation>
    </message>
    <message>
        <source>Reading the line…</source>
        <translation>正在读取流水线…</translation>
    </message>
    <message>
        <source>No translation for {language} is installed; English is shown.</source>
        <translation>未安装{language}的翻译，将显示英文。</translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>正在检查数据库…</translation>
    </message>
    <message>
        <source>Database check</source>
        <translation>数据库检查</translation>
    </message>
    <message>
        <source>The database is sound: no problems found.</source>
        <translation>数据库完好：未发现问题。</translation>
    </message>
    <message>
        <source>{n} problem(s) found.</source>
        <translation>发现 {n} 个问题。</translation>
    </message>
    <message>
        <source>The check failed: {error}</source>
        <translation>检查失败：{error}</translation>
    </message>
    <message>
        <source>About the credit workstation</source>
        <translation>关于信贷工作站</translation>
    </message>
    <message>
        <source>Credit workstation</source>
        <translation>信贷工作站</translation>
    </message>
    <message>
        <source>A credit factory: every small-business loan moves along one line of stages, so officers see where each case waits and where the line is slow.</source>
        <translation>信贷工厂：每笔小微贷款都沿同一条阶段流水线流转，经办人员能看到每个案件停在哪里、流水线哪里变慢。</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <source>Schema version: {version}</source>
        <translation>数据结构版本：{version}</translation>
    </message>
    <message>
        <source>Qt {qt}, PySide6 {pyside}, Python {python}</source>
        <translation>Qt {qt}，PySide6 {pyside}，Python {python}</translation>
    </message>
    <message>
        <source>&amp;Rating</source>
        <translation>评级(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Macro settings…</source>
        <translation>宏观调整设置(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Blacklist…</source>
        <translation>黑名单(&amp;B)…</translation>
    </message>
    <message>
        <source>Re-&amp;score open cases…</source>
        <translation>重新评分未结案件(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Classification rules…</source>
        <translation>分类规则(&amp;C)…</translation>
    </message>
    <message>
        <source>Re-scoring open cases…</source>
        <translation>正在重新评分未结案件…</translation>
    </message>
    <message>
        <source>The re-score failed: {error}</source>
        <translation>重新评分失败：{error}</translation>
    </message>
    <message>
        <source>Re-score open cases</source>
        <translation>重新评分未结案件</translation>
    </message>
    <message>
        <source>&amp;Loans</source>
        <translation>贷款(&amp;L)</translation>
    </message>
    <message>
        <source>Close of &amp;day…</source>
        <translation>日终(&amp;D)…</translation>
    </message>
    <message>
        <source>Approval &amp;authority…</source>
        <translation>审批权限(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Approvals</source>
        <translation>待审批(&amp;A)</translation>
    </message>
    <message>
        <source>The cases waiting for your signature (Ctrl+3)</source>
        <translation>等待您签字的案件 (Ctrl+3)</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>待审批</translation>
    </message>
</context>
<context>
    <name>MappedRecordsModel</name>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>交易对方</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>摘要</translation>
    </message>
</context>
<context>
    <name>MonthsModel</name>
    <message>
        <source>Revenue</source>
        <translation>营业收入</translation>
    </message>
    <message>
        <source>Sales receipts, net of the refunds of sales</source>
        <translation>销售收入，已扣除销售退款</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>进货</translation>
    </message>
    <message>
        <source>Operating cost (R12)</source>
        <translation>经营成本（R12）</translation>
    </message>
    <message>
        <source>Purchases and every operating expense: the rows below it</source>
        <translation>进货与各项经营费用：即其下各行</translation>
    </message>
    <message>
        <source>Wages</source>
        <translation>工资</translation>
    </message>
    <message>
        <source>Rent</source>
        <translation>房租</translation>
    </message>
    <message>
        <source>Utilities</source>
        <translation>水电</translation>
    </message>
    <message>
        <source>Taxes</source>
        <translation>税费</translation>
    </message>
    <message>
        <source>Platform fees</source>
        <translation>平台费用</translation>
    </message>
    <message>
        <source>Personal spending</source>
        <translation>个人消费</translation>
    </message>
    <message>
        <source>The owner&apos;s own spending paid from these accounts (money out)</source>
        <translation>经营者用这些账户支付的个人开销（支出）</translation>
    </message>
    <message>
        <source>Other in − out</source>
        <translation>其他收入 − 支出</translation>
    </message>
    <message>
        <source>Money in less money out that is none of the above, with refunds not matched to a sale</source>
        <translation>不属于以上各项的收入减支出，含未能对应到销售的退款</translation>
    </message>
    <message>
        <source>Net cash flow</source>
        <translation>净现金流</translation>
    </message>
    <message>
        <source>Revenue − operating cost − personal spending + other in − out; own transfers and loans are left out (financing, not business income or cost)</source>
        <translation>营业收入 − 经营成本 − 个人消费 + 其他收入 − 支出；本人互转与贷款不计入（属于融资，不是经营收入或成本）</translation>
    </message>
    <message>
        <source>Electricity (kWh)</source>
        <translation>用电量（千瓦时）</translation>
    </message>
    <message>
        <source>12 months</source>
        <translation>12 个月</translation>
    </message>
    <message>
        <source>No statement covers this month</source>
        <translation>没有流水覆盖这个月</translation>
    </message>
    <message>
        <source>{amount}: {n} line(s) — double-click to open them</source>
        <translation>{amount}：{n} 笔 — 双击查看明细</translation>
    </message>
    <message>
        <source>{figure}, {when}</source>
        <translation>{figure}，{when}</translation>
    </message>
</context>
<context>
    <name>OfficerLoadModel</name>
    <message>
        <source>Officer</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Side lanes</source>
        <translation>线外</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <source>Oldest wait</source>
        <translation>最久等待</translation>
    </message>
    <message>
        <source>Overdue, warning / recall, credit recovery, blacklisted</source>
        <translation>逾期、预警收贷、信用恢复、黑名单</translation>
    </message>
    <message>
        <source>Longest a case has waited in a work stage (not monitoring)</source>
        <translation>案件在作业阶段（不含贷中监控）的最长等待时间</translation>
    </message>
</context>
<context>
    <name>OrdersTable</name>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation>金额（¥）</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>Paid
out</source>
        <translation>已回款</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>有纠纷</translation>
    </message>
    <message>
        <source>Buyer
linked</source>
        <translation>买家
关联</translation>
    </message>
    <message>
        <source>Fake
trading</source>
        <translation>疑似
刷单</translation>
    </message>
    <message>
        <source>The platform&apos;s checks suspect fake trading (刷单) on this order</source>
        <translation>平台核查怀疑该订单存在刷单</translation>
    </message>
    <message>
        <source>The buyer is linked to the seller (same owner, address or device)</source>
        <translation>买家与卖家存在关联（同一所有人、地址或设备）</translation>
    </message>
    <message>
        <source>Add order</source>
        <translation>添加订单</translation>
    </message>
    <message>
        <source>Remove order</source>
        <translation>删除订单</translation>
    </message>
    <message>
        <source>{n} order(s), {total}</source>
        <translation>{n} 笔订单，合计 {total}</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>经营者</translation>
    </message>
    <message>
        <source>Owner ID number</source>
        <translation>经营者身份证号</translation>
    </message>
    <message>
        <source>Owner phone</source>
        <translation>经营者电话</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Platform account</source>
        <translation>平台账号</translation>
    </message>
    <message>
        <source>Partner bank</source>
        <translation>合作银行</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>显示完整信息</translation>
    </message>
    <message>
        <source>Show the full value; the reveal is recorded in the audit log</source>
        <translation>显示完整内容；每次查看都会记入审计日志</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Amount asked</source>
        <translation>申请金额</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>最近修改</translation>
    </message>
    <message>
        <source>Recommended by</source>
        <translation>推荐人</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>None (not bank-referred)</source>
        <translation>无（非银行端客户）</translation>
    </message>
    <message>
        <source>{when} by {who}</source>
        <translation>{when}，{who}</translation>
    </message>
    <message>
        <source>Referred by {bank}: the partner bank&apos;s risk department monitors this loan; the workstation raises no in-loan warnings of its own (post-loan scoring still applies).</source>
        <translation>由{bank}推荐：该笔贷款的贷中风险由合作银行风控部门监控；本工作站不自行发起贷中预警（贷后评分仍适用）。</translation>
    </message>
</context>
<context>
    <name>PaperworkDialogs</name>
    <message>
        <source>Document</source>
        <translation>资料</translation>
    </message>
</context>
<context>
    <name>PaperworkPanel</name>
    <message>
        <source>Interviews with the owner</source>
        <translation>与经营者的面谈</translation>
    </message>
    <message>
        <source>Record interview…</source>
        <translation>记录面谈…</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>Request…</source>
        <translation>索取…</translation>
    </message>
    <message>
        <source>Mark received…</source>
        <translation>标记已收到…</translation>
    </message>
    <message>
        <source>Waive…</source>
        <translation>豁免…</translation>
    </message>
    <message>
        <source>Let the case go on without this document; a reason is required</source>
        <translation>无需此资料即可继续，须填写理由</translation>
    </message>
    <message>
        <source>No interview recorded yet. Hold the video interview with the owner and record it here: the identity check is what makes it count.</source>
        <translation>尚未记录面谈。与经营者视频面谈后在此记录：核实身份后面谈才算数。</translation>
    </message>
    <message>
        <source>The paperwork could not be read: {error}</source>
        <translation>资料无法读取：{error}</translation>
    </message>
    <message>
        <source>Cannot be recommended yet, because:</source>
        <translation>暂不能推荐审批，原因：</translation>
    </message>
    <message>
        <source>The paperwork is complete: the owner was interviewed with the identity check and every required document is in or waived.</source>
        <translation>资料齐全：已与经营者面谈并核实身份，必需资料均已收到或豁免。</translation>
    </message>
    <message>
        <source>{when} · {mode} · {who}</source>
        <translation>{when} · {mode} · {who}</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>索取</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到</translation>
    </message>
    <message>
        <source>Waived</source>
        <translation>豁免</translation>
    </message>
    <message>
        <source>Not asked for, not received.</source>
        <translation>未索取，未收到。</translation>
    </message>
    <message>
        <source>Interviews and documents are recorded while the case is in investigation.</source>
        <translation>案件处于调查阶段时才能记录面谈和资料。</translation>
    </message>
</context>
<context>
    <name>PortfolioView</name>
    <message>
        <source>Current</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>not past due</source>
        <translation>未逾期</translation>
    </message>
    <message>
        <source>over {days} days</source>
        <translation>{days} 天以上</translation>
    </message>
    <message>
        <source>{low}–{high} days</source>
        <translation>{low}–{high} 天</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Loans outstanding</source>
        <translation>在贷笔数</translation>
    </message>
    <message>
        <source>Outstanding principal</source>
        <translation>本金余额</translation>
    </message>
    <message>
        <source>Overdue (M1+)</source>
        <translation>逾期 (M1 及以上)</translation>
    </message>
    <message>
        <source>Non-performing (M3+, over 90 days)</source>
        <translation>不良 (M3+，逾期 90 天以上)</translation>
    </message>
    <message>
        <source>By overdue class (R30) — choose one to list its loans</source>
        <translation>按逾期分类 (R30) — 选中一类查看其贷款</translation>
    </message>
    <message>
        <source>By product</source>
        <translation>按产品</translation>
    </message>
    <message>
        <source>The loan book on {day}</source>
        <translation>{day} 贷款组合</translation>
    </message>
    <message>
        <source>No close of day has run yet: counted from the last payment or draw of each loan.</source>
        <translation>尚未运行日终：按各笔贷款最近一次放款或还款时的情况计算。</translation>
    </message>
    <message>
        <source>Arrears as the close of day of {day} found them; days past due counted to {today}. Balances are outstanding principal.</source>
        <translation>逾期以 {day} 日终结果为准；逾期天数计至 {today}。余额为未还本金。</translation>
    </message>
    <message>
        <source>Outstanding principal by class</source>
        <translation>各分类本金余额</translation>
    </message>
    <message>
        <source>10,000 yuan</source>
        <translation>万元</translation>
    </message>
    <message>
        <source>The loan book could not be read: {error}</source>
        <translation>无法读取贷款组合：{error}</translation>
    </message>
    <message>
        <source>{cls} — loans: {count}, the latest first, then the largest</source>
        <translation>{cls} — 共 {count} 笔，逾期最久者在前，其次按金额</translation>
    </message>
</context>
<context>
    <name>ProductModel</name>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Loans</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Outstanding principal</source>
        <translation>本金余额</translation>
    </message>
    <message>
        <source>Overdue (M1+)</source>
        <translation>逾期 (M1+)</translation>
    </message>
    <message>
        <source>Overdue ratio</source>
        <translation>逾期率</translation>
    </message>
    <message>
        <source>Non-performing (M3+)</source>
        <translation>不良 (M3+)</translation>
    </message>
    <message>
        <source>Non-performing ratio</source>
        <translation>不良率</translation>
    </message>
</context>
<context>
    <name>QueueReview</name>
    <message>
        <source>Unassigned (stage queues)</source>
        <translation>未分配（阶段队列）</translation>
    </message>
    <message>
        <source>Officers&apos; load (open cases)</source>
        <translation>人员负荷（未结案件）</translation>
    </message>
    <message>
        <source>Show all officers</source>
        <translation>显示全部人员</translation>
    </message>
    <message>
        <source>Give the selected cases to</source>
        <translation>把所选案件分配给</translation>
    </message>
    <message>
        <source>Cases past their stage&apos;s time limit, oldest first</source>
        <translation>超过阶段时限的案件（最久的在前）</translation>
    </message>
    <message>
        <source>Back to the stage queue (unassigned)</source>
        <translation>退回阶段队列（未分配）</translation>
    </message>
    <message>
        <source>{n} breached case(s) of {who}</source>
        <translation>{who}的超时案件 {n} 件</translation>
    </message>
    <message>
        <source>{n} breached case(s), all officers and queues</source>
        <translation>超时案件 {n} 件（全部人员和队列）</translation>
    </message>
    <message>
        <source>Could not read the queues: {error}</source>
        <translation>无法读取队列：{error}</translation>
    </message>
    <message>
        <source>Reassign {n} case(s)</source>
        <translation>重新分配 {n} 件</translation>
    </message>
    <message>
        <source>{n} case(s) given to {who}.</source>
        <translation>已将 {n} 件分配给{who}。</translation>
    </message>
    <message>
        <source>Not reassigned:</source>
        <translation>未能重新分配：</translation>
    </message>
    <message>
        <source>Case {case}: {why}</source>
        <translation>案件 {case}：{why}</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Required: what you saw and why</source>
        <translation>必填：您看到的情况和理由</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <source>Back to the stage queue (unassigned)</source>
        <translation>退回阶段队列（未分配）</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>Give to</source>
        <translation>分配给</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>RebuiltPanel</name>
    <message>
        <source>No statement or bill has been uploaded yet.</source>
        <translation>尚未上传流水或账单。</translation>
    </message>
    <message>
        <source>Adjust…</source>
        <translation>调整…</translation>
    </message>
    <message>
        <source>Store officer-adjusted figures with a reason; scoring then uses them</source>
        <translation>保存调查员调整后的数字及理由；此后评分使用它们</translation>
    </message>
    <message>
        <source>Net cash flow = revenue − operating cost − personal spending + other in − out. Own transfers and loans are in no row: they are financing, not business income or cost. Each figure is rounded to the yuan, so a total may differ by 1 from its rows; its tooltip has it to the fen.</source>
        <translation>净现金流 = 营业收入 − 经营成本 − 个人消费 + 其他收入 − 支出。本人互转与贷款不在任何一行：它们属于融资，不是经营收入或成本。各数取整到元，合计与各行之和可能相差 1；提示中有精确到分的数。</translation>
    </message>
    <message>
        <source>R12 figures: declared, rebuilt, adjusted</source>
        <translation>R12 数据：申报、重建、调整</translation>
    </message>
    <message>
        <source>Largest customers</source>
        <translation>最大客户</translation>
    </message>
    <message>
        <source>Meter check</source>
        <translation>电表核对</translation>
    </message>
    <message>
        <source>Twelve months, in yuan (double-click a figure for its lines)</source>
        <translation>近十二个月（元，双击数字查看明细）</translation>
    </message>
    <message>
        <source>Adjusted (version {version}) by {who} at {when}: {reason}</source>
        <translation>第 {version} 版调整，{who}，{when}：{reason}</translation>
    </message>
    <message>
        <source>No gap or meter flag: the bills bear out what was declared.</source>
        <translation>无差异或电表预警：账单印证了申报。</translation>
    </message>
    <message>
        <source>Flagged — check these before recommending:</source>
        <translation>有预警 — 推荐前请核查：</translation>
    </message>
    <message>
        <source>Read with care:</source>
        <translation>请留意：</translation>
    </message>
    <message>
        <source>Not enough electricity bills to check: at least two whole months are needed in each half of the year.</source>
        <translation>电费单不足，无法核对：前后半年各需至少两个完整月份。</translation>
    </message>
    <message>
        <source>Second half against the first: sales ×{sales}, electricity ×{power}.</source>
        <translation>后半年对前半年：销售 ×{sales}，用电 ×{power}。</translation>
    </message>
    <message>
        <source>The meter does not bear out the sales.</source>
        <translation>电表不支持销售数字。</translation>
    </message>
    <message>
        <source>Consistent.</source>
        <translation>相符。</translation>
    </message>
    <message>
        <source>{files} file(s), {lines} line(s)</source>
        <translation>{files} 个文件，{lines} 笔</translation>
    </message>
    <message>
        <source>{n} unpaid or closed</source>
        <translation>{n} 笔未付款或已关闭</translation>
    </message>
    <message>
        <source>{n} in overlapping statements</source>
        <translation>{n} 笔在重叠的流水中</translation>
    </message>
    <message>
        <source>{n} the same payment in an app and a bank</source>
        <translation>{n} 笔为支付平台与银行中的同一笔</translation>
    </message>
    <message>
        <source>{n} outside the 12 months</source>
        <translation>{n} 笔在 12 个月之外</translation>
    </message>
    <message>
        <source>{n} loans or own transfers (financing)</source>
        <translation>{n} 笔贷款或本人互转（融资）</translation>
    </message>
    <message>
        <source>left out: {parts}</source>
        <translation>未计入：{parts}</translation>
    </message>
    <message>
        <source>{n} transfer(s) between own accounts matched</source>
        <translation>匹配到 {n} 笔本人账户互转</translation>
    </message>
    <message>
        <source>{file} repeats {first} and counts once</source>
        <translation>{file} 与 {first} 相同，只计一次</translation>
    </message>
    <message>
        <source>year on year</source>
        <translation>同比</translation>
    </message>
    <message>
        <source>last six months against the six before, as a year</source>
        <translation>近六个月对前六个月，折算为年</translation>
    </message>
    <message>
        <source>sales growth {growth} ({basis})</source>
        <translation>销售增长 {growth}（{basis}）</translation>
    </message>
    <message>
        <source>{figure}, rebuilt</source>
        <translation>{figure}（重建）</translation>
    </message>
    <message>
        <source>Sales to {customer}</source>
        <translation>对 {customer} 的销售</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>营业收入</translation>
    </message>
    <message>
        <source>Electricity</source>
        <translation>用电</translation>
    </message>
    <message>
        <source>revenue, CNY</source>
        <translation>收入（元）</translation>
    </message>
    <message>
        <source>electricity, kWh</source>
        <translation>用电（千瓦时）</translation>
    </message>
    <message>
        <source>Monthly revenue and electricity use</source>
        <translation>每月收入与用电</translation>
    </message>
    <message>
        <source>Declared, rebuilt, adjusted (CNY)</source>
        <translation>申报、重建、调整（元）</translation>
    </message>
    <message>
        <source>CNY</source>
        <translation>元</translation>
    </message>
    <message>
        <source>Declared</source>
        <translation>申报</translation>
    </message>
    <message>
        <source>Rebuilt</source>
        <translation>重建</translation>
    </message>
    <message>
        <source>Adjusted</source>
        <translation>调整后</translation>
    </message>
    <message>
        <source>no electricity bill covers these months</source>
        <translation>没有电费单覆盖这些月份</translation>
    </message>
    <message>
        <source>no statement for the month</source>
        <translation>当月无流水</translation>
    </message>
</context>
<context>
    <name>ReceivedDialog</name>
    <message>
        <source>Mark document received</source>
        <translation>标记资料已收到</translation>
    </message>
    <message>
        <source>Uploaded statements and bills mark their kind received by themselves; use this for a document seen another way.</source>
        <translation>上传的流水和账单会自动标记为已收到；其他方式看到的资料在此标记。</translation>
    </message>
    <message>
        <source>Optional: how it came, what it shows</source>
        <translation>可选：如何收到，内容如何</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ReclassDialog</name>
    <message>
        <source>Change category</source>
        <translation>更改类别</translation>
    </message>
    <message>
        <source>Back to the rules (undo the officer&apos;s class)</source>
        <translation>恢复按规则分类（撤销人工分类）</translation>
    </message>
    <message>
        <source>This line only</source>
        <translation>仅此一笔</translation>
    </message>
    <message>
        <source>Every line of “{name}” on this case ({n} lines)</source>
        <translation>本案中“{name}”的全部流水（{n} 笔）</translation>
    </message>
    <message>
        <source>Remember for next time: class “{name}” this way on every case</source>
        <translation>记住此分类：所有案件中“{name}”都按此归类</translation>
    </message>
    <message>
        <source>Lines of this category are in no figure of the rebuilt statement: loans and transfers between the owner&apos;s accounts are financing, not business income or cost.</source>
        <translation>此类流水不计入重建报表的任何数字：贷款和本人账户之间的转账属于融资，不是经营收入或成本。</translation>
    </message>
    <message>
        <source>The statement is rebuilt with the new class at once; the change is recorded with your name.</source>
        <translation>报表立即按新类别重建；更改会记录您的姓名。</translation>
    </message>
    <message>
        <source>New category</source>
        <translation>新类别</translation>
    </message>
    <message>
        <source>Now: {category} ({why}). {place}</source>
        <translation>当前：{category}（{why}）。{place}</translation>
    </message>
</context>
<context>
    <name>RecommendDialog</name>
    <message>
        <source>Recommend for approval</source>
        <translation>提交审批建议</translation>
    </message>
    <message>
        <source>Prefilled from the rating&apos;s offer. A supervisor approves, amends or declines these terms; you cannot approve your own recommendation.</source>
        <translation>已按评级报价预填。由主管批准、修改或拒绝这些条件；您不能批准自己的建议。</translation>
    </message>
    <message>
        <source>Optional: what the supervisor should know</source>
        <translation>选填：需要主管了解的情况</translation>
    </message>
    <message>
        <source>Recommend</source>
        <translation>提交建议</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>RejectedRowsModel</name>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>RepayDialog</name>
    <message>
        <source>Receive a repayment</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Optional: bank reference, payer</source>
        <translation>选填：银行流水号、付款人</translation>
    </message>
    <message>
        <source>Owed in all today</source>
        <translation>今日结清共需</translation>
    </message>
    <message>
        <source>Credit held</source>
        <translation>挂账余额</translation>
    </message>
    <message>
        <source>Amount received</source>
        <translation>收款金额</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>收款日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Hold the excess as a credit for the customer</source>
        <translation>将多余部分挂账为客户余额</translation>
    </message>
    <message>
        <source>Confirm repayment</source>
        <translation>确认还款</translation>
    </message>
    <message>
        <source>Where the payment goes (penalty, interest, principal; oldest first)</source>
        <translation>还款分配（罚息、利息、本金；先到期先还）</translation>
    </message>
    <message>
        <source>Enter the amount received, in yuan.</source>
        <translation>请输入收款金额（元）。</translation>
    </message>
    <message>
        <source>Owed {owed} − credit {credit} = to pay {pay}: paying {pay} settles everything (the credit is drawn on first).</source>
        <translation>欠款 {owed} − 挂账 {credit} = 应付 {pay}：付 {pay} 即结清全部（先用挂账抵扣）。</translation>
    </message>
    <message>
        <source>The credit exceeds everything owed by {refund}: nothing to pay; finance may refund it (Refund credit…).</source>
        <translation>挂账超出全部欠款 {refund}：无需付款；财务可退还（退还挂账…）。</translation>
    </message>
    <message>
        <source>Paid on {on}, before the due date {due}: interest is charged to the payment day only. The days from {next} to {due} accrue on what remains; on {due} {amount} is still to pay.</source>
        <translation>于 {on} 还款，早于到期日 {due}：利息只计到还款日。{next} 至 {due} 各天按剩余本金计息；{due} 当日仍须还 {amount}。</translation>
    </message>
    <message>
        <source>Penalty {penalty} · interest {interest} · principal {principal} · credit {credit}</source>
        <translation>罚息 {penalty} · 利息 {interest} · 本金 {principal} · 挂账 {credit}</translation>
    </message>
    <message>
        <source>({credit} of it from the credit held)</source>
        <translation>（其中 {credit} 来自挂账）</translation>
    </message>
    <message>
        <source>Interest and penalty accrued to the day are posted first: {amount}.</source>
        <translation>截至当日计提的利息和罚息先入账：{amount}。</translation>
    </message>
    <message>
        <source>{excess} more than is owed ({owed}): enter at most {owed}, or hold the excess as a credit for the customer.</source>
        <translation>比应还金额（{owed}）多 {excess}：最多输入 {owed}，或将多余部分挂账为客户余额。</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <source>Request documents</source>
        <translation>索取资料</translation>
    </message>
    <message>
        <source>Ask the owner for these documents (each is then awaited):</source>
        <translation>向经营者索取以下资料（之后等待提交）：</translation>
    </message>
</context>
<context>
    <name>RescoreSummary</name>
    <message>
        <source>not rated</source>
        <translation>未评级</translation>
    </message>
    <message>
        <source>tier {tier}</source>
        <translation>评级 {tier}</translation>
    </message>
    <message>
        <source>Re-scoring open cases…</source>
        <translation>正在重新评分未结案件…</translation>
    </message>
</context>
<context>
    <name>RescoreSummaryDialog</name>
    <message>
        <source>Re-score open cases</source>
        <translation>重新评分未结案件</translation>
    </message>
    <message>
        <source>Cancelled: {n} case(s) were scored before you stopped; they keep their new decision.</source>
        <translation>已取消：停止前已有 {n} 件案件完成评分，这些案件保留新的决策。</translation>
    </message>
    <message>
        <source>{n} open case(s) scored.</source>
        <translation>已为 {n} 件未结案件评分。</translation>
    </message>
    <message>
        <source>{n} changed tier or outcome (double-click to open):</source>
        <translation>其中 {n} 件评级或结论有变化（双击打开）：</translation>
    </message>
    <message>
        <source>No tier or outcome changed.</source>
        <translation>评级和结论均无变化。</translation>
    </message>
</context>
<context>
    <name>RuleEditDialog</name>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>words separated by spaces, e.g. 房租 租金</source>
        <translation>以空格分隔的词，例如 房租 租金</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>关键词</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Looks in</source>
        <translation>匹配字段</translation>
    </message>
    <message>
        <source>Amount, yuan (optional)</source>
        <translation>金额，元（选填）</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Classification rules</source>
        <translation>分类规则</translation>
    </message>
    <message>
        <source>Version {version}, saved by {who} at {when}: {reason}</source>
        <translation>第 {version} 版，{who} 于 {when} 保存：{reason}</translation>
    </message>
    <message>
        <source>The built-in rules (not changed yet).</source>
        <translation>内置规则（尚未修改）。</translation>
    </message>
    <message>
        <source>First match wins. Ahead of the rules come the officer&apos;s classes (a line, a counterparty), refunds and the owner&apos;s own names and accounts. Changing the list changes every case&apos;s classes.</source>
        <translation>按顺序匹配，先匹配者生效。人工分类（单笔、交易对方）、退款以及经营者本人的户名和账户优先于规则。修改规则会改变所有案件的分类。</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Save as new version…</source>
        <translation>另存为新版本…</translation>
    </message>
    <message>
        <source>Save the rules</source>
        <translation>保存规则</translation>
    </message>
    <message>
        <source>Why do the rules change?</source>
        <translation>为何修改规则？</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>RulesModel</name>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>money in</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>money out</source>
        <translation>支出</translation>
    </message>
    <message>
        <source>neither (top-ups, withdrawals)</source>
        <translation>不计收支（充值、提现）</translation>
    </message>
    <message>
        <source>counterparty</source>
        <translation>交易对方</translation>
    </message>
    <message>
        <source>account</source>
        <translation>对方账号</translation>
    </message>
    <message>
        <source>memo</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>export&apos;s kind</source>
        <translation>交易分类</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Looks in</source>
        <translation>查找字段</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Keywords (any of)</source>
        <translation>关键词（任一）</translation>
    </message>
    <message>
        <source>all text</source>
        <translation>全部文字</translation>
    </message>
    <message>
        <source>(every line of its direction)</source>
        <translation>（该方向的全部流水）</translation>
    </message>
</context>
<context>
    <name>SavedMappingsDialog</name>
    <message>
        <source>{file} (case {case})</source>
        <translation>{file}（案件 {case}）</translation>
    </message>
    <message>
        <source>{n} file(s) on decided cases were left as read: {files}.</source>
        <translation>已决案件上的 {n} 个文件保持原读取结果：{files}。</translation>
    </message>
    <message>
        <source>Saved bank mappings</source>
        <translation>已保存的银行列对应</translation>
    </message>
    <message>
        <source>Column mappings saved for bank statements no preset reads. A file whose header row is one of these is read with its mapping without asking. Saving a mapping again reads the uploaded files read with it again.</source>
        <translation>为预设格式读不了的银行流水保存的列对应。表头行与其中之一相同的文件会直接按该对应读取，不再询问。再次保存某个对应，会重新读取按它读取过的已上传文件。</translation>
    </message>
    <message>
        <source>No column mapping is saved yet.</source>
        <translation>尚未保存任何列对应。</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Only a supervisor deletes a column mapping.</source>
        <translation>只有主管可以删除列对应。</translation>
    </message>
    <message>
        <source>Saved the mapping for {bank}. {n} uploaded file(s) read with the earlier mapping were read again: {files}.</source>
        <translation>已保存 {bank} 的列对应。按原对应读取的 {n} 个已上传文件已重新读取：{files}。</translation>
    </message>
    <message>
        <source>Saved the mapping for {bank}.</source>
        <translation>已保存 {bank} 的列对应。</translation>
    </message>
    <message>
        <source>Saved the mapping for {bank}; no uploaded file needed reading again.</source>
        <translation>已保存 {bank} 的列对应；没有已上传文件需要重新读取。</translation>
    </message>
    <message>
        <source>Delete the column mapping for {bank}?</source>
        <translation>删除 {bank} 的列对应？</translation>
    </message>
    <message>
        <source>{n} uploaded file(s) were read with it: they keep their lines, but they are no longer read again when the mapping is corrected.</source>
        <translation>有 {n} 个已上传文件按它读取：这些文件保留其流水，但以后更正对应时不再重新读取。</translation>
    </message>
    <message>
        <source>The next file with this header row asks for its columns again.</source>
        <translation>下一个有此表头行的文件将再次询问各列。</translation>
    </message>
    <message>
        <source>Delete mapping</source>
        <translation>删除对应</translation>
    </message>
    <message>
        <source>Deleted the mapping for {bank}; {n} file(s) read with it keep their lines.</source>
        <translation>已删除 {bank} 的列对应；按它读取的 {n} 个文件保留其流水。</translation>
    </message>
</context>
<context>
    <name>SavedMappingsModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Income</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Expense</source>
        <translation>支出</translation>
    </message>
    <message>
        <source>Debit/credit</source>
        <translation>借贷标志</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>对方户名</translation>
    </message>
    <message>
        <source>Counterparty account</source>
        <translation>对方账号</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>银行</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>各列</translation>
    </message>
    <message>
        <source>Header row</source>
        <translation>表头行</translation>
    </message>
    <message>
        <source>Saved by</source>
        <translation>保存人</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件数</translation>
    </message>
</context>
<context>
    <name>ScheduleModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>利息</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>StandingModel</name>
    <message>
        <source>Paid</source>
        <translation>已还清</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>待还</translation>
    </message>
    <message>
        <source>Part repaid ahead</source>
        <translation>已部分提前还本</translation>
    </message>
    <message>
        <source>Principal repaid ahead</source>
        <translation>本金已提前还清</translation>
    </message>
    <message>
        <source>Planned: {principal}</source>
        <translation>计划本金：{principal}</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Principal to pay</source>
        <translation>待还本金</translation>
    </message>
    <message>
        <source>Interest to pay</source>
        <translation>待还利息</translation>
    </message>
    <message>
        <source>Penalty to pay</source>
        <translation>待还罚息</translation>
    </message>
    <message>
        <source>To pay</source>
        <translation>待还合计</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Once its date is closed: what was posted for it and is still unpaid. Ahead: what will fall due on it if everything due is paid on each date from now on.</source>
        <translation>到期日已日终：为该期结计且尚未偿还的金额。未到期：若此后每个到期日的应还款项均按时偿还，该期届时应还的金额。</translation>
    </message>
    <message>
        <source>What falls due on its date, before the credit held. Arrears paid today also take the interest and penalty accrued since the last posting: the next due amount and the trial calculation include them.</source>
        <translation>该期到期日应还的金额（未扣挂账余额）。今日归还逾期款项时，还须支付上次结息以来计提的利息和罚息：下次应还金额和还款试算已包含这些款项。</translation>
    </message>
</context>
<context>
    <name>StatementLinesModel</name>
    <message>
        <source>✗ unpaid</source>
        <translation>✗ 未付款</translation>
    </message>
    <message>
        <source>✗ overlap</source>
        <translation>✗ 重叠</translation>
    </message>
    <message>
        <source>✗ same payment</source>
        <translation>✗ 同一笔</translation>
    </message>
    <message>
        <source>✗ outside 12 months</source>
        <translation>✗ 12 个月外</translation>
    </message>
    <message>
        <source>A rule of the list</source>
        <translation>规则列表中的一条</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>交易对方</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Our category</source>
        <translation>我方类别</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>计入</translation>
    </message>
    <message>
        <source>File and place</source>
        <translation>文件与位置</translation>
    </message>
</context>
<context>
    <name>StraightThroughLine</name>
    <message>
        <source>Clean platform cases within the system&apos;s authority are approved by the system itself and go straight to disbursement.</source>
        <translation>系统权限内的干净平台案件由系统自动批准，直接进入放款。</translation>
    </message>
    <message>
        <source>Straight-through lane: {lane} of {all} approvals in the last {days} days{share} · today {lane_today} of {all_today}</source>
        <translation>直通车道：近 {days} 天 {all} 笔批准中 {lane} 笔{share} · 今日 {all_today} 笔中 {lane_today} 笔</translation>
    </message>
</context>
<context>
    <name>TermsEditor</name>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>额度</translation>
    </message>
    <message>
        <source>Daily rate</source>
        <translation>日利率</translation>
    </message>
    <message>
        <source>% a day</source>
        <translation>% / 天</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Repayment plan</source>
        <translation>还款方式</translation>
    </message>
    <message>
        <source>Enter the limit in yuan and the daily rate in percent.</source>
        <translation>请输入额度（元）和日利率（%）。</translation>
    </message>
</context>
<context>
    <name>TopCustomers</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>合作年限</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>销售占比</translation>
    </message>
    <message>
        <source>Largest buyer</source>
        <translation>第一大买家</translation>
    </message>
    <message>
        <source>Second</source>
        <translation>第二大买家</translation>
    </message>
</context>
<context>
    <name>TraceDialog</name>
    <message>
        <source>{title}: {figure} — {n} line(s) summing to {total}</source>
        <translation>{title}：{figure} — {n} 笔，合计 {total}</translation>
    </message>
    <message>
        <source>{title}: {figure} — {n} line(s); as printed they sum to {total}: refunds noted on a line itself are netted in the figure</source>
        <translation>{title}：{figure} — 共 {n} 笔；按原始金额合计 {total}：记在同一行上的退款已在该数字中冲减</translation>
    </message>
    <message>
        <source>Costs are shown as money out (negative). A refund sits with the sale or purchase it reverses. Double-click a line to open its original file.</source>
        <translation>成本以支出（负数）显示。退款与其冲回的销售或进货列在一起。双击一笔可打开原始文件。</translation>
    </message>
    <message>
        <source>Open original file</source>
        <translation>打开原始文件</translation>
    </message>
</context>
<context>
    <name>TriState</name>
    <message>
        <source>Not known</source>
        <translation>不详</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>TrialDialog</name>
    <message>
        <source>Trial calculation</source>
        <translation>还款试算</translation>
    </message>
    <message>
        <source>Repay everything on</source>
        <translation>全部结清日期</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <source>+ Interest to the day</source>
        <translation>+ 截至当日利息</translation>
    </message>
    <message>
        <source>+ Penalty to the day</source>
        <translation>+ 截至当日罚息</translation>
    </message>
    <message>
        <source>= Owed</source>
        <translation>= 欠款</translation>
    </message>
    <message>
        <source>− Credit held</source>
        <translation>− 挂账余额</translation>
    </message>
    <message>
        <source>= To pay to settle</source>
        <translation>= 结清应付</translation>
    </message>
    <message>
        <source>Credit to give back</source>
        <translation>应退挂账</translation>
    </message>
    <message>
        <source>Owed {owed} − credit {credit} = to pay {pay}: the credit held for the customer is netted.</source>
        <translation>欠款 {owed} − 挂账 {credit} = 应付 {pay}：客户的挂账已抵扣。</translation>
    </message>
    <message>
        <source>The credit exceeds everything owed: {refund} is to be given back.</source>
        <translation>挂账超出全部欠款：应退还 {refund}。</translation>
    </message>
    <message>
        <source>Early repayment costs no fee; interest runs only to the day.</source>
        <translation>提前还款不收费；利息只计至还款当日。</translation>
    </message>
</context>
<context>
    <name>UploadsModel</name>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Uploaded by</source>
        <translation>上传人</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>{format}, {size}; SHA-256 {sha}</source>
        <translation>{format}，{size}；SHA-256 {sha}</translation>
    </message>
    <message>
        <source>{n} warning(s)</source>
        <translation>{n} 条警告</translation>
    </message>
    <message>
        <source>{n} row(s) left out</source>
        <translation>{n} 行未计入</translation>
    </message>
</context>
<context>
    <name>UploadsPanel</name>
    <message>
        <source>The mapping for {bank} replaced an earlier one: {n} uploaded file(s) read with it were read again ({files}).</source>
        <translation>{bank} 的列对应替换了原有对应：按它读取的 {n} 个已上传文件已重新读取（{files}）。</translation>
    </message>
    <message>
        <source>Drop bank statements, Alipay or WeChat Pay exports and utility bills here (CSV, XLSX, PDF), or choose them.</source>
        <translation>将银行流水、支付宝或微信支付账单、水电费单拖到这里（CSV、XLSX、PDF），或选择文件。</translation>
    </message>
    <message>
        <source>Choose files…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Files on the case</source>
        <translation>案件中的文件</translation>
    </message>
    <message>
        <source>Open original</source>
        <translation>打开原件</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <source>Utility bills (electricity, water)</source>
        <translation>水电费单（电费、水费）</translation>
    </message>
    <message>
        <source>Add bill…</source>
        <translation>录入账单…</translation>
    </message>
    <message>
        <source>Import bills (CSV)…</source>
        <translation>导入账单（CSV）…</translation>
    </message>
    <message>
        <source>Remove bill…</source>
        <translation>删除账单…</translation>
    </message>
    <message>
        <source>Upload statements and bills</source>
        <translation>上传流水和账单</translation>
    </message>
    <message>
        <source>Statements and bills ({patterns})</source>
        <translation>流水和账单（{patterns}）</translation>
    </message>
    <message>
        <source>Import utility bills</source>
        <translation>导入水电费单</translation>
    </message>
    <message>
        <source>Utility bills ({patterns})</source>
        <translation>水电费单（{patterns}）</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <source>Reading {file}… ({n} more waiting)</source>
        <translation>正在读取 {file}…（另有 {n} 个等待）</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>{file}: cancelled, nothing stored</source>
        <translation>{file}：已取消，未保存任何内容</translation>
    </message>
    <message>
        <source>{file}: {rows} row(s) stored as {kind}</source>
        <translation>{file}：已保存 {rows} 笔（{kind}）</translation>
    </message>
    <message>
        <source>({n} warning(s))</source>
        <translation>（{n} 条警告）</translation>
    </message>
    <message>
        <source>Refused, nothing stored: {why}</source>
        <translation>已拒收，未保存任何内容：{why}</translation>
    </message>
    <message>
        <source>{file} could not be stored: {error}</source>
        <translation>{file} 无法保存：{error}</translation>
    </message>
    <message>
        <source>Map the columns…</source>
        <translation>对应各列…</translation>
    </message>
    <message>
        <source>Remove file</source>
        <translation>移除文件</translation>
    </message>
    <message>
        <source>Why take {file} off the case? Its lines stop counting; the original is kept as evidence.</source>
        <translation>为何从案件中移除 {file}？其流水将不再计入；原件作为证据保留。</translation>
    </message>
    <message>
        <source>Remove bill</source>
        <translation>删除账单</translation>
    </message>
    <message>
        <source>Why remove this bill typed in by hand?</source>
        <translation>为何删除这张手工录入的账单？</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>更改角色…</translation>
    </message>
    <message>
        <source>Switch on/off</source>
        <translation>启用/停用</translation>
    </message>
    <message>
        <source>Switch off</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Switch on</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <source>Role of {name}:</source>
        <translation>{name}的角色：</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>switched off</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>WaiveDialog</name>
    <message>
        <source>Waive document</source>
        <translation>豁免资料</translation>
    </message>
    <message>
        <source>The case may then be recommended without this document. The waiver, your name and the reason are kept with the case.</source>
        <translation>豁免后案件无需此资料即可推荐。豁免、您的姓名和理由都会随案件保存。</translation>
    </message>
    <message>
        <source>Required: why the document is not needed</source>
        <translation>必填：为何不需要此资料</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>common</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未执行</translation>
    </message>
    <message>
        <source>{d} d {h} h</source>
        <translation>{d}天{h}小时</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h}小时{m}分</translation>
    </message>
    <message>
        <source>{m} min</source>
        <translation>{m}分钟</translation>
    </message>
</context>
<context>
    <name>indicators</name>
    <message>
        <source>Annual sales revenue</source>
        <translation>年销售收入</translation>
    </message>
    <message>
        <source>Sales growth</source>
        <translation>销售增长率</translation>
    </message>
    <message>
        <source>Order count</source>
        <translation>订单量</translation>
    </message>
    <message>
        <source>Seller rating (DSR)</source>
        <translation>卖家信用评分（DSR）</translation>
    </message>
    <message>
        <source>Transaction activity</source>
        <translation>交易活跃度</translation>
    </message>
    <message>
        <source>Inventory turnover</source>
        <translation>存货周转率</translation>
    </message>
    <message>
        <source>Asset-liability ratio</source>
        <translation>资产负债率</translation>
    </message>
    <message>
        <source>Customer reviews</source>
        <translation>客户评价</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Application</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评级</translation>
    </message>
    <message>
        <source>Investigation</source>
        <translation>调查</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Disbursement</source>
        <translation>放款</translation>
    </message>
    <message>
        <source>In-loan monitoring</source>
        <translation>贷中监控</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结清</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Warning / recall</source>
        <translation>预警收贷</translation>
    </message>
    <message>
        <source>Credit recovery</source>
        <translation>信用恢复</translation>
    </message>
    <message>
        <source>Blacklisted</source>
        <translation>黑名单</translation>
    </message>
    <message>
        <source>Application received</source>
        <translation>收到申请</translation>
    </message>
    <message>
        <source>Send to rating</source>
        <translation>提交评级</translation>
    </message>
    <message>
        <source>Send to investigation</source>
        <translation>转入调查</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Recommend for approval</source>
        <translation>推荐审批</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Approved by the system (straight-through)</source>
        <translation>系统自动批准（直通车道）</translation>
    </message>
    <message>
        <source>Send back</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Disburse</source>
        <translation>放款</translation>
    </message>
    <message>
        <source>Settle (repaid in full)</source>
        <translation>结清（已全额还款）</translation>
    </message>
    <message>
        <source>Limit lapsed undrawn</source>
        <translation>额度到期未提用</translation>
    </message>
    <message>
        <source>Mark overdue</source>
        <translation>标记逾期</translation>
    </message>
    <message>
        <source>Arrears paid</source>
        <translation>欠款已还清</translation>
    </message>
    <message>
        <source>Raise early warning</source>
        <translation>发起预警</translation>
    </message>
    <message>
        <source>Clear warning</source>
        <translation>解除预警</translation>
    </message>
    <message>
        <source>Start credit recovery</source>
        <translation>启动信用恢复</translation>
    </message>
    <message>
        <source>Recovery plan kept</source>
        <translation>恢复计划已履行</translation>
    </message>
    <message>
        <source>Recovery plan failed</source>
        <translation>恢复计划失败</translation>
    </message>
    <message>
        <source>Blacklist</source>
        <translation>列入黑名单</translation>
    </message>
    <message>
        <source>Lift blacklist</source>
        <translation>移出黑名单</translation>
    </message>
    <message>
        <source>Investigator</source>
        <translation>调查员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>财务</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <source>Amber</source>
        <translation>黄色</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台客户</translation>
    </message>
    <message>
        <source>Off-platform</source>
        <translation>平台外客户</translation>
    </message>
    <message>
        <source>Credit loan</source>
        <translation>信用贷款</translation>
    </message>
    <message>
        <source>Order loan</source>
        <translation>订单贷款</translation>
    </message>
    <message>
        <source>Credit + order</source>
        <translation>信用+订单</translation>
    </message>
    <message>
        <source>manage users</source>
        <translation>管理用户</translation>
    </message>
    <message>
        <source>claim cases</source>
        <translation>领取案件</translation>
    </message>
    <message>
        <source>reassign cases</source>
        <translation>重新分配案件</translation>
    </message>
    <message>
        <source>review the officers&apos; queues</source>
        <translation>检查各人员的队列</translation>
    </message>
    <message>
        <source>reveal personal data</source>
        <translation>查看完整个人信息</translation>
    </message>
    <message>
        <source>view cases</source>
        <translation>查看案件</translation>
    </message>
    <message>
        <source>view the loan book</source>
        <translation>查看贷款组合</translation>
    </message>
    <message>
        <source>Bank statement (12 months)</source>
        <translation>银行流水（近 12 个月）</translation>
    </message>
    <message>
        <source>Alipay / WeChat Pay export</source>
        <translation>支付宝 / 微信支付账单</translation>
    </message>
    <message>
        <source>Electricity bill</source>
        <translation>电费单</translation>
    </message>
    <message>
        <source>Water bill</source>
        <translation>水费单</translation>
    </message>
    <message>
        <source>Business licence</source>
        <translation>营业执照</translation>
    </message>
    <message>
        <source>Lease of the premises</source>
        <translation>经营场所租赁合同</translation>
    </message>
    <message>
        <source>Other document</source>
        <translation>其他资料</translation>
    </message>
    <message>
        <source>annual sales</source>
        <translation>年销售额</translation>
    </message>
    <message>
        <source>operating cost</source>
        <translation>经营成本</translation>
    </message>
    <message>
        <source>net profit margin</source>
        <translation>净利润率</translation>
    </message>
    <message>
        <source>sales growth</source>
        <translation>销售增长率</translation>
    </message>
    <message>
        <source>total liabilities</source>
        <translation>负债总额</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>A case in stage “{stage}” cannot be moved by “{action}”.</source>
        <translation>处于“{stage}”阶段的案件不能执行“{action}”。</translation>
    </message>
    <message>
        <source>The role “{role}” may not “{action}” a case in “{stage}”.</source>
        <translation>“{role}”角色不能对“{stage}”阶段的案件执行“{action}”。</translation>
    </message>
    <message>
        <source>This case is in another officer&apos;s work list; ask a supervisor to reassign it.</source>
        <translation>该案件在其他人员的工作清单中；请主管重新分配。</translation>
    </message>
    <message>
        <source>Maker–checker: you worked on this case before approval, so someone else must approve it.</source>
        <translation>审贷分离：您在审批前经手过该案件，须由他人审批。</translation>
    </message>
    <message>
        <source>Bank-referred customers are monitored by the partner bank; no automatic warning is raised.</source>
        <translation>银行端客户由合作银行进行贷中监控，系统不自动发起预警。</translation>
    </message>
    <message>
        <source>Give a reason for “{action}”.</source>
        <translation>请填写“{action}”的理由。</translation>
    </message>
    <message>
        <source>A password needs at least {n} characters.</source>
        <translation>密码至少需要{n}个字符。</translation>
    </message>
    <message>
        <source>A user name is 1 to 40 characters without spaces.</source>
        <translation>用户名为1至40个字符，不能含空格。</translation>
    </message>
    <message>
        <source>This database already has users.</source>
        <translation>该数据库已有用户。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>This account is switched off; ask an administrator.</source>
        <translation>该账户已停用，请联系管理员。</translation>
    </message>
    <message>
        <source>Unknown role “{role}”.</source>
        <translation>未知角色“{role}”。</translation>
    </message>
    <message>
        <source>The user name “{name}” is taken.</source>
        <translation>用户名“{name}”已被占用。</translation>
    </message>
    <message>
        <source>No such user.</source>
        <translation>没有该用户。</translation>
    </message>
    <message>
        <source>You cannot take the admin role from yourself.</source>
        <translation>不能取消自己的管理员角色。</translation>
    </message>
    <message>
        <source>You cannot switch yourself off.</source>
        <translation>不能停用自己的账户。</translation>
    </message>
    <message>
        <source>The role “{role}” may not {permission}.</source>
        <translation>“{role}”角色无权{permission}。</translation>
    </message>
    <message>
        <source>Case {case} was changed by {who} at {when}; it has been reloaded. Nothing of yours was saved; check it and try again.</source>
        <translation>案件{case}已于{when}被{who}修改，已重新载入。您的操作未保存，请核对后重试。</translation>
    </message>
    <message>
        <source>There is no case {case}.</source>
        <translation>没有案件{case}。</translation>
    </message>
    <message>
        <source>The case has no rating decision yet: score it before it goes to investigation.</source>
        <translation>该案件尚无评级结论：请先评分再转入调查。</translation>
    </message>
    <message>
        <source>The latest rating decision declines the case; it cannot go to investigation.</source>
        <translation>最新评级结论为拒绝，不能转入调查。</translation>
    </message>
    <message>
        <source>The loan is not repaid in full: its ledger still shows money owed.</source>
        <translation>贷款尚未还清：台账仍显示欠款。</translation>
    </message>
    <message>
        <source>The arrears are not paid: its ledger still shows amounts past due.</source>
        <translation>逾期欠款尚未还清：台账仍显示逾期金额。</translation>
    </message>
    <message>
        <source>Nothing on the loan&apos;s ledger is past due.</source>
        <translation>该贷款台账上没有逾期款项。</translation>
    </message>
    <message>
        <source>The role “{role}” cannot work on cases in “{stage}”.</source>
        <translation>“{role}”角色不能处理“{stage}”阶段的案件。</translation>
    </message>
    <message>
        <source>{who} has already claimed case {case}; a supervisor can reassign it.</source>
        <translation>{who}已领取案件{case}；主管可以重新分配。</translation>
    </message>
    <message>
        <source>That person cannot work on cases in “{stage}”; choose another.</source>
        <translation>此人不能处理“{stage}”阶段的案件，请另选。</translation>
    </message>
    <message>
        <source>Nothing to reveal.</source>
        <translation>没有可显示的内容。</translation>
    </message>
    <message>
        <source>“{path}” is not a workstation database (SQLite said: {error}).</source>
        <translation>“{path}”不是工作站数据库（SQLite 提示：{error}）。</translation>
    </message>
    <message>
        <source>“{path}” is on a network share; SQLite cannot lock it safely there. Keep the database on a local disk.</source>
        <translation>“{path}”位于网络共享上，SQLite 无法在此安全加锁。请把数据库放在本地磁盘。</translation>
    </message>
    <message>
        <source>“{path}” is a folder, not a database file.</source>
        <translation>“{path}”是文件夹，不是数据库文件。</translation>
    </message>
    <message>
        <source>“{path}” cannot be opened: {error}</source>
        <translation>无法打开“{path}”：{error}</translation>
    </message>
    <message>
        <source>“{path}” was written by a newer version of the workstation (schema {found}, this program knows {known}). Update the program; the file was not changed.</source>
        <translation>“{path}”由更新版本的工作站写入（结构版本{found}，本程序支持{known}）。请升级程序；文件未被修改。</translation>
    </message>
    <message>
        <source>“{path}” is not a workstation database (it is another program&apos;s SQLite file). Nothing was changed.</source>
        <translation>“{path}”不是工作站数据库（是其他程序的 SQLite 文件）。未做任何修改。</translation>
    </message>
    <message>
        <source>The database is busy with another user&apos;s change (SQLite said: {error}). Nothing was saved; try again in a moment.</source>
        <translation>数据库正被其他用户的修改占用（SQLite 提示：{error}）。未保存任何内容，请稍后重试。</translation>
    </message>
    <message>
        <source>“{path}” is not a workstation database (it is not an SQLite file). Nothing was changed.</source>
        <translation>“{path}”不是工作站数据库（不是 SQLite 文件）。未做任何修改。</translation>
    </message>
    <message>
        <source>Only a supervisor may change the macro settings.</source>
        <translation>只有主管可以修改宏观调整设置。</translation>
    </message>
    <message>
        <source>Only a supervisor may change the blacklist.</source>
        <translation>只有主管可以修改黑名单。</translation>
    </message>
    <message>
        <source>Only a supervisor may re-score cases.</source>
        <translation>只有主管可以重新评分。</translation>
    </message>
    <message>
        <source>Case {case} was changed by {who} at {when} after this form read it. Nothing of yours was saved.</source>
        <translation>本表单读取后，案件 {case} 已由 {who} 于 {when} 修改。您的内容未保存。</translation>
    </message>
    <message>
        <source>The amount asked for, CNY {amount}, is far more than any customer may borrow (at most CNY {cap}); correct it before saving.</source>
        <translation>申请金额人民币 {amount} 远超任何客户可借的额度（最多人民币 {cap}）；请更正后再保存。</translation>
    </message>
    <message>
        <source>The role “{role}” may not take applications.</source>
        <translation>“{role}”角色不能受理申请。</translation>
    </message>
    <message>
        <source>Case {case} is in “{stage}”; its application can only change while the case is in “application”.</source>
        <translation>案件 {case} 处于“{stage}”阶段；只有在“申请”阶段才能修改申请资料。</translation>
    </message>
    <message>
        <source>“{file}” cannot be opened: it may have been moved or deleted, or be open in another program that locks it.</source>
        <translation>无法打开“{file}”：文件可能已被移动或删除，或被其他程序占用锁定。</translation>
    </message>
    <message>
        <source>Case {case} has no application.</source>
        <translation>案件 {case} 没有申请资料。</translation>
    </message>
    <message>
        <source>Say how the consent was given (e.g. signed form).</source>
        <translation>请说明授权方式（如签署授权书）。</translation>
    </message>
    <message>
        <source>The macro settings were changed by {who} at {when} (version {version}); they have been reloaded. Nothing of yours was saved; check them and try again.</source>
        <translation>宏观设置已于 {when} 被 {who} 修改（版本 {version}），已重新载入。您的修改未保存，请核对后重试。</translation>
    </message>
    <message>
        <source>“{value}” cannot be blacklisted.</source>
        <translation>“{value}”不能列入黑名单。</translation>
    </message>
    <message>
        <source>Give the value to blacklist.</source>
        <translation>请填写要列入黑名单的号码。</translation>
    </message>
    <message>
        <source>Give a reason for the blacklist entry.</source>
        <translation>请填写列入黑名单的原因。</translation>
    </message>
    <message>
        <source>Give a reason for lifting the entry.</source>
        <translation>请填写解除黑名单的原因。</translation>
    </message>
    <message>
        <source>Case {case} is still in “application”; it is scored when it is submitted.</source>
        <translation>案件 {case} 仍处于“申请”阶段；提交后才会评分。</translation>
    </message>
    <message>
        <source>“{value}” is not an economic stance.</source>
        <translation>“{value}”不是有效的宏观经济判断。</translation>
    </message>
    <message>
        <source>There is no blacklist entry {entry} in force.</source>
        <translation>没有生效中的黑名单条目 {entry}。</translation>
    </message>
    <message>
        <source>Record the owner&apos;s consent to the use of their data and to credit queries before the application is scored.</source>
        <translation>评分前请先记录经营者对使用其数据和查询征信的授权。</translation>
    </message>
    <message>
        <source>Case {case} is still in “application”; it is rated when it is submitted.</source>
        <translation>案件 {case} 仍处于“申请”阶段；提交后才会评级。</translation>
    </message>
    <message>
        <source>Case {case} is in “{stage}”; only cases in rating, investigation or approval can be re-scored.</source>
        <translation>案件 {case} 处于“{stage}”阶段；只有评级、调查或审批阶段的案件可以重新评分。</translation>
    </message>
    <message>
        <source>Case {case} has no recorded consent of the owner to the use of their data and to credit queries; it cannot be scored.</source>
        <translation>案件 {case} 未记录经营者对数据使用和征信查询的授权，不能评分。</translation>
    </message>
    <message>
        <source>“{value}” is not an industry outlook.</source>
        <translation>“{value}”不是有效的行业趋向。</translation>
    </message>
    <message>
        <source>The application is not complete; correct: {fields}</source>
        <translation>申请资料不完整，请更正：{fields}</translation>
    </message>
    <message>
        <source>“{value}” is not a number</source>
        <translation>“{value}”不是数字</translation>
    </message>
    <message>
        <source>“{value}” is not one of: {choices}</source>
        <translation>“{value}”不在可选值中：{choices}</translation>
    </message>
    <message>
        <source>Write 是 or 否 (yes or no)</source>
        <translation>请填写“是”或“否”</translation>
    </message>
    <message>
        <source>{file} is empty: it has no header row</source>
        <translation>{file} 是空文件：没有表头行</translation>
    </message>
    <message>
        <source>{file} lacks the columns: {columns}</source>
        <translation>{file} 缺少以下列：{columns}</translation>
    </message>
    <message>
        <source>{file} lacks the columns: {columns}. Its columns {unknown} are not the template&apos;s; name them as the template (applications.csv) does.</source>
        <translation>{file} 缺少以下列：{columns}。其中的列 {unknown} 不属于模板；请按模板（applications.csv）命名。</translation>
    </message>
    <message>
        <source>Columns not recognised, left out of every draft: {columns}. Name them as the template (applications.csv) does, with amounts in yuan.</source>
        <translation>未识别的列，未计入任何草稿：{columns}。请按模板（applications.csv）命名，金额以元为单位。</translation>
    </message>
    <message>
        <source>{file} has two columns for the same figure: {first} and {second}; keep one.</source>
        <translation>{file} 中同一数字有两列：{first} 和 {second}；请只保留一列。</translation>
    </message>
    <message>
        <source>{file} is neither an Excel workbook (XLSX) nor a CSV file that can be read (another kind of file, or damaged). Save it from Excel as .xlsx or as CSV and import that.</source>
        <translation>{file} 既不是 Excel 工作簿（XLSX），也不是可读取的 CSV 文件（其他类型的文件，或已损坏）。请在 Excel 中另存为 .xlsx 或 CSV 后再导入。</translation>
    </message>
    <message>
        <source>“{value}”: a percentage is not allowed here</source>
        <translation>“{value}”：此处不允许填写百分比</translation>
    </message>
    <message>
        <source>“{value}” is too large</source>
        <translation>“{value}”数值过大</translation>
    </message>
    <message>
        <source>Yuan have at most 2 decimals</source>
        <translation>金额（元）最多两位小数</translation>
    </message>
    <message>
        <source>A whole number is needed</source>
        <translation>请填写整数</translation>
    </message>
    <message>
        <source>Name the customer these figures are for</source>
        <translation>请填写这些数据所对应的客户名称</translation>
    </message>
    <message>
        <source>The row cannot be read: {error}</source>
        <translation>无法读取该行：{error}</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Not a valid unified social credit code (18 characters, the last a check character): check for a typo</source>
        <translation>统一社会信用代码无效（应为 18 位，最后一位为校验码）：请检查是否输错</translation>
    </message>
    <message>
        <source>Not a valid ID number (18 characters, the last a check digit or X): check for a typo</source>
        <translation>身份证号无效（应为 18 位，最后一位为校验码数字或 X）：请检查是否输错</translation>
    </message>
    <message>
        <source>A mobile number has 11 digits and starts with 1</source>
        <translation>手机号码应为以 1 开头的 11 位数字</translation>
    </message>
    <message>
        <source>Choose a credit loan or an order loan</source>
        <translation>请选择信用贷款或订单贷款</translation>
    </message>
    <message>
        <source>The amount must be above 0</source>
        <translation>金额必须大于 0</translation>
    </message>
    <message>
        <source>A platform customer may owe at most CNY {cap} for both products together</source>
        <translation>平台客户两种产品合计的贷款余额最高为 {cap} 元</translation>
    </message>
    <message>
        <source>An unsecured loan to an off-platform customer is at most CNY {cap}</source>
        <translation>平台外客户的信用贷款最高为 {cap} 元</translation>
    </message>
    <message>
        <source>The term is 1 to 12 months</source>
        <translation>期限为 1 至 12 个月</translation>
    </message>
    <message>
        <source>Order loans are only for platform sellers; choose a credit loan</source>
        <translation>订单贷款仅面向平台卖家，请选择信用贷款</translation>
    </message>
    <message>
        <source>An amount of money cannot be negative</source>
        <translation>金额不能为负数</translation>
    </message>
    <message>
        <source>A count cannot be negative</source>
        <translation>数量不能为负数</translation>
    </message>
    <message>
        <source>Must be at least {low}</source>
        <translation>不能小于 {low}</translation>
    </message>
    <message>
        <source>Must lie between {low} and {high}</source>
        <translation>应在 {low} 至 {high} 之间</translation>
    </message>
    <message>
        <source>The largest customers&apos; shares add up to more than all sales ({percent}%)</source>
        <translation>前两大客户的销售占比合计超过全部销售额（{percent}%）</translation>
    </message>
    <message>
        <source>Not supplied: will show as missing</source>
        <translation>未填写：将显示为缺失</translation>
    </message>
    <message>
        <source>Name the two largest downstream customers</source>
        <translation>请填写前两大下游客户</translation>
    </message>
    <message>
        <source>Liabilities exceed assets: the business is insolvent on paper</source>
        <translation>负债超过资产：企业账面资不抵债</translation>
    </message>
    <message>
        <source>A net margin of {margin}% is more than sales less operating cost allow ({ceiling}%)</source>
        <translation>净利润率 {margin}% 高于销售额扣除营业成本后所能达到的上限（{ceiling}%）</translation>
    </message>
    <message>
        <source>The owner&apos;s consent to the use of their data and to credit queries is not recorded; the application cannot be scored without it</source>
        <translation>尚未记录经营者对使用其数据和查询征信的授权；没有授权，申请无法评分</translation>
    </message>
    <message>
        <source>The owner&apos;s ID number is on the blacklist: {reason}</source>
        <translation>经营者身份证号已列入黑名单：{reason}</translation>
    </message>
    <message>
        <source>The business&apos;s credit code is on the blacklist: {reason}</source>
        <translation>企业统一社会信用代码已列入黑名单：{reason}</translation>
    </message>
    <message>
        <source>The platform account is on the blacklist: {reason}</source>
        <translation>平台账号已列入黑名单：{reason}</translation>
    </message>
    <message>
        <source>Annual sales revenue scored {sub_score} of 100 (weight {weight}%)</source>
        <translation>年销售收入得分 {sub_score}/100（权重 {weight}%）</translation>
    </message>
    <message>
        <source>Sales growth scored {sub_score} of 100 (weight {weight}%)</source>
        <translation>销售增长率得分 {sub_score}/100（权重 {weight}%）</translation>
    </message>
    <message>
        <source>Order count scored {sub_score} of 100 (weight {weight}%)</source>
        <translation>订单量得分 {sub_score}/100（权重 {weight}%）</translation>
    </message>
    <message>
        <source>Seller rating scored {sub_score} of 100 (weight {weight}%)</source>
        <translation>卖家信用等级得分 {sub_score}/100（权重 {weight}%）</translation>
    </message>
    <message>
        <source>Transaction activity scored {sub_score} of 100 (weight {weight}%)</source>
        <translation>交易活跃度得分 {sub_score}/100（权重 {weight}%）</translation>
    </message>
    <message>
        <source>Inventory turnover scored {sub_score} of 100 (weight {weight}%)</source>
        <translation>存货周转率得分 {sub_score}/100（权重 {weight}%）</translation>
    </message>
    <message>
        <source>Asset-liability ratio scored {sub_score} of 100 (weight {weight}%)</source>
        <translation>资产负债率得分 {sub_score}/100（权重 {weight}%）</translation>
    </message>
    <message>
        <source>Customer reviews scored {sub_score} of 100 (weight {weight}%)</source>
        <translation>客户评价得分 {sub_score}/100（权重 {weight}%）</translation>
    </message>
    <message>
        <source>Complaints scored {sub_score} of 100 (weight {weight}%)</source>
        <translation>投诉得分 {sub_score}/100（权重 {weight}%）</translation>
    </message>
    <message>
        <source>Annual sales revenue not supplied: scored without it, review by hand</source>
        <translation>未提供年销售收入：评分时不计该项，请人工复核</translation>
    </message>
    <message>
        <source>Sales growth not supplied: scored without it, review by hand</source>
        <translation>未提供销售增长率：评分时不计该项，请人工复核</translation>
    </message>
    <message>
        <source>Order count not supplied: scored without it, review by hand</source>
        <translation>未提供订单量：评分时不计该项，请人工复核</translation>
    </message>
    <message>
        <source>Seller rating not supplied: scored without it, review by hand</source>
        <translation>未提供卖家信用等级：评分时不计该项，请人工复核</translation>
    </message>
    <message>
        <source>Transaction activity not supplied: scored without it, review by hand</source>
        <translation>未提供交易活跃度：评分时不计该项，请人工复核</translation>
    </message>
    <message>
        <source>Inventory turnover not supplied: scored without it, review by hand</source>
        <translation>未提供存货周转率：评分时不计该项，请人工复核</translation>
    </message>
    <message>
        <source>Asset-liability ratio not supplied: scored without it, review by hand</source>
        <translation>未提供资产负债率：评分时不计该项，请人工复核</translation>
    </message>
    <message>
        <source>Customer reviews not supplied: scored without it, review by hand</source>
        <translation>未提供客户评价：评分时不计该项，请人工复核</translation>
    </message>
    <message>
        <source>Complaints not supplied: scored without it, review by hand</source>
        <translation>未提供投诉：评分时不计该项，请人工复核</translation>
    </message>
    <message>
        <source>Legal review: guarantees given for others are outstanding</source>
        <translation>法律审查：存在未解除的对外担保</translation>
    </message>
    <message>
        <source>Legal review: a property registration issue</source>
        <translation>法律审查：存在产权登记问题</translation>
    </message>
    <message>
        <source>Legal review: bankruptcy proceedings</source>
        <translation>法律审查：涉及破产程序</translation>
    </message>
    <message>
        <source>Legal review: litigation</source>
        <translation>法律审查：涉及诉讼</translation>
    </message>
    <message>
        <source>On the blacklist ({kind}): {reason}</source>
        <translation>已列入黑名单（{kind}）：{reason}</translation>
    </message>
    <message>
        <source>{indicator} scored {sub_score} of 100 (weight {weight}%)</source>
        <translation>{indicator}得分 {sub_score}/100（权重 {weight}%）</translation>
    </message>
    <message>
        <source>{indicator} not supplied: scored without it, review by hand</source>
        <translation>未提供{indicator}：评分时不计该项，请人工复核</translation>
    </message>
    <message>
        <source>Score {score} of 100: tier {tier}</source>
        <translation>得分 {score}/100：评级 {tier}</translation>
    </message>
    <message>
        <source>Tier E is declined at screening</source>
        <translation>E 级在初筛时即予拒绝</translation>
    </message>
    <message>
        <source>Incomplete data or a legal flag: an officer reviews the case</source>
        <translation>资料不全或存在法律风险标记：由经办人人工审核</translation>
    </message>
    <message>
        <source>The industry ({industry}) is growing: × {factor}</source>
        <translation>行业（{industry}）增长：× {factor}</translation>
    </message>
    <message>
        <source>The industry ({industry}) is stable: × {factor}</source>
        <translation>行业（{industry}）稳定：× {factor}</translation>
    </message>
    <message>
        <source>The industry ({industry}) is shrinking: × {factor}</source>
        <translation>行业（{industry}）萎缩：× {factor}</translation>
    </message>
    <message>
        <source>The economy is expanding: × {factor}</source>
        <translation>宏观经济扩张：× {factor}</translation>
    </message>
    <message>
        <source>The economy is neutral: × {factor}</source>
        <translation>宏观经济中性：× {factor}</translation>
    </message>
    <message>
        <source>The economy is in a downturn: × {factor}</source>
        <translation>宏观经济下行：× {factor}</translation>
    </message>
    <message>
        <source>Economy ({economy}): × {factor}</source>
        <translation>宏观经济（{economy}）：× {factor}</translation>
    </message>
    <message>
        <source>Capped at the product&apos;s maximum</source>
        <translation>以产品最高额度封顶</translation>
    </message>
    <message>
        <source>Average monthly sales</source>
        <translation>月均销售额</translation>
    </message>
    <message>
        <source>Annual sales not supplied: no limit from sales</source>
        <translation>未提供年销售额：无法按销售额核定额度</translation>
    </message>
    <message>
        <source>× tier {tier} factor {factor}</source>
        <translation>× 评级 {tier} 系数 {factor}</translation>
    </message>
    <message>
        <source>Value of the eligible orders ({eligible} of {offered}: shipped, not yet paid out, no refund or dispute, genuine buyer)</source>
        <translation>合格订单金额（{offered} 笔中 {eligible} 笔合格：已发货、未回款、无退款或纠纷、买家真实）</translation>
    </message>
    <message>
        <source>At most tier {tier} factor {factor} × average monthly sales</source>
        <translation>不超过评级 {tier} 系数 {factor} × 月均销售额</translation>
    </message>
    <message>
        <source>Tier {tier} is declined at screening: no limit</source>
        <translation>评级 {tier} 在初筛时即予拒绝：无额度</translation>
    </message>
    <message>
        <source>Order loans are only for platform sellers: no order loan</source>
        <translation>订单贷款仅面向平台卖家：不提供订单贷款</translation>
    </message>
    <message>
        <source>Rounded down to whole thousands of yuan</source>
        <translation>向下取整至千元</translation>
    </message>
    <message>
        <source>Both products together</source>
        <translation>两种产品合计</translation>
    </message>
    <message>
        <source>Capped at the most a customer of this kind may owe</source>
        <translation>以该类客户的最高贷款余额封顶</translation>
    </message>
    <message>
        <source>{on} is before {closed}, the day this loan&apos;s ledger already runs to: nothing earlier can be entered</source>
        <translation>{on} 早于 {closed}，即本笔贷款台账已记到的日期：不能录入更早的日期</translation>
    </message>
    <message>
        <source>Ledger entry {seq} of loan {loan} does not fit the entries before it</source>
        <translation>贷款 {loan} 的第 {seq} 笔台账记录与之前的记录不符</translation>
    </message>
    <message>
        <source>The amount must be more than zero</source>
        <translation>金额必须大于零</translation>
    </message>
    <message>
        <source>A draw of {amount} is more than the limit still available ({available})</source>
        <translation>提款 {amount} 超过可用额度（{available}）</translation>
    </message>
    <message>
        <source>Unknown product “{product}”.</source>
        <translation>未知产品“{product}”。</translation>
    </message>
    <message>
        <source>Order loans are only for platform sellers; choose a credit loan.</source>
        <translation>订单贷款仅适用于平台卖家；请选择信用贷款。</translation>
    </message>
    <message>
        <source>The limit must be more than zero.</source>
        <translation>额度必须大于零。</translation>
    </message>
    <message>
        <source>The limit is above the cap of CNY {cap} for this customer.</source>
        <translation>额度超过该客户的上限人民币 {cap} 元。</translation>
    </message>
    <message>
        <source>The term must be 1 to {longest} months, not {term}</source>
        <translation>期限须为 1 至 {longest} 个月，而非 {term}</translation>
    </message>
    <message>
        <source>The daily rate must be between {lowest}% and {highest}% for this product.</source>
        <translation>该产品的日利率须在 {lowest}% 至 {highest}% 之间。</translation>
    </message>
    <message>
        <source>You have already signed these terms; a second approver must sign.</source>
        <translation>您已签署过这些条件；须由第二审批人签字。</translation>
    </message>
    <message>
        <source>A limit of CNY {limit} is above your approval authority (CNY {authority}); a supervisor with enough authority must give the second signature.</source>
        <translation>额度人民币 {limit} 元超出您的审批权限（人民币 {authority} 元）；须由权限足够的主管作第二签。</translation>
    </message>
    <message>
        <source>The daily rate must be more than zero</source>
        <translation>日利率必须大于零</translation>
    </message>
    <message>
        <source>Draw {draw} is already on the ledger</source>
        <translation>提款 {draw} 已在台账中</translation>
    </message>
    <message>
        <source>Entry {seq} is not on this loan&apos;s ledger</source>
        <translation>第 {seq} 笔记录不在本笔贷款的台账中</translation>
    </message>
    <message>
        <source>Entry {seq} has already been reversed</source>
        <translation>第 {seq} 笔记录已冲正</translation>
    </message>
    <message>
        <source>A reversal cannot itself be reversed</source>
        <translation>冲正记录不能再冲正</translation>
    </message>
    <message>
        <source>Entry {seq} is from {on}, before the last day-end: post a correcting entry instead</source>
        <translation>第 {seq} 笔记录日期为 {on}，早于上次日终：请改为记一笔更正记录</translation>
    </message>
    <message>
        <source>No credit beyond what is owed ({owed}) to give back: the credit held is {credit}.</source>
        <translation>没有超出欠款（{owed}）的挂账可退：挂账余额为 {credit}。</translation>
    </message>
    <message>
        <source>Later entries rest on entry {seq}: reverse them first, newest first</source>
        <translation>之后的记录依赖第 {seq} 笔记录：请先从最新的开始依次冲正</translation>
    </message>
    <message>
        <source>{file}, line {line}: “{value}” is not 收入, 支出 or 不计收支</source>
        <translation>{file} 第 {line} 行：“{value}”不是“收入”“支出”或“不计收支”</translation>
    </message>
    <message>
        <source>{file}, line {line}: a closed order, never paid</source>
        <translation>{file} 第 {line} 行：交易已关闭，从未付款</translation>
    </message>
    <message>
        <source>{file}, line {line}: a refund whose original order is not in this file</source>
        <translation>{file} 第 {line} 行：退款对应的原订单不在本文件中</translation>
    </message>
    <message>
        <source>{file}, line {line}: “{value}” is not an amount</source>
        <translation>{file} 第 {line} 行：“{value}”不是金额</translation>
    </message>
    <message>
        <source>{file}, line {line}: “{value}” has a fraction of a fen; it is not rounded</source>
        <translation>{file} 第 {line} 行：“{value}”含有不足一分的部分，不予四舍五入</translation>
    </message>
    <message>
        <source>{file}, line {line}: “{value}” is not a date and time</source>
        <translation>{file} 第 {line} 行：“{value}”不是日期时间</translation>
    </message>
    <message>
        <source>{file}, line {line}: both the income and the expense column hold an amount</source>
        <translation>{file} 第 {line} 行：收入列和支出列同时有金额</translation>
    </message>
    <message>
        <source>{file}, line {line}: “{value}” is neither 借 (debit) nor 贷 (credit)</source>
        <translation>{file} 第 {line} 行：“{value}”既不是“借”也不是“贷”</translation>
    </message>
    <message>
        <source>{file}, line {line}: no money moved</source>
        <translation>{file} 第 {line} 行：没有资金变动</translation>
    </message>
    <message>
        <source>{file}, line {line}: the row has {found} cells where {expected} are needed; is the file truncated?</source>
        <translation>{file} 第 {line} 行：该行有 {found} 个单元格，应为 {expected} 个；文件是否被截断？</translation>
    </message>
    <message>
        <source>{file}: the file says it holds {stated} records but only {found} are there; is it truncated?</source>
        <translation>{file}：文件注明共 {stated} 笔记录，实际只有 {found} 笔；文件是否被截断？</translation>
    </message>
    <message>
        <source>{file}: the file says it holds {stated} records but {found} are there</source>
        <translation>{file}：文件注明共 {stated} 笔记录，实际有 {found} 笔</translation>
    </message>
    <message>
        <source>{file}, line {line}: “{value}” looks like a number Excel rounded; digits may be lost</source>
        <translation>{file} 第 {line} 行：“{value}”像是被 Excel 转换过的数字，可能丢失了位数</translation>
    </message>
    <message>
        <source>{file}: {count} lines cannot be read; the first: line {line}</source>
        <translation>{file}：有 {count} 行无法读取；第一处在第 {line} 行</translation>
    </message>
    <message>
        <source>{file}, line {line}: the file mixes text encodings (UTF-8 and GBK); export it again</source>
        <translation>{file} 第 {line} 行：文件混用了 UTF-8 和 GBK 编码；请重新导出</translation>
    </message>
    <message>
        <source>{file}, line {line}: the text is neither UTF-8 nor GBK and cannot be read</source>
        <translation>{file} 第 {line} 行：文本既不是 UTF-8 也不是 GBK，无法读取</translation>
    </message>
    <message>
        <source>{file} is not a text table (it holds binary data)</source>
        <translation>{file} 不是文本表格（含有二进制数据）</translation>
    </message>
    <message>
        <source>{file}, line {line}: the text holds “�” where characters were lost when it was saved in the wrong encoding; export it again from the app or bank</source>
        <translation>{file} 第 {line} 行：文本中有“�”，说明以错误编码保存时丢失了字符；请从应用或银行重新导出</translation>
    </message>
    <message>
        <source>{file}, line {line}: the Chinese text was converted with the wrong encoding (it reads as “{sample}”); export it again from the app or bank</source>
        <translation>{file} 第 {line} 行：中文被用错误的编码转换过（显示为“{sample}”）；请从应用或银行重新导出</translation>
    </message>
    <message>
        <source>{file} is empty</source>
        <translation>{file} 是空文件</translation>
    </message>
    <message>
        <source>{file}: no Alipay, WeChat Pay or known bank statement header was found; the layout is unknown</source>
        <translation>{file}：未找到支付宝、微信支付或已知银行流水的表头；格式无法识别</translation>
    </message>
    <message>
        <source>{file} is an old Excel (.xls) or password-protected workbook; open it in Excel and save it as .xlsx without a password</source>
        <translation>{file} 是旧版 Excel（.xls）或有密码保护的工作簿；请在 Excel 中打开并另存为不带密码的 .xlsx</translation>
    </message>
    <message>
        <source>{file} is a list of utility bills, not a statement; import it as utility bills</source>
        <translation>{file} 是水电费单列表，不是流水；请按水电费单导入</translation>
    </message>
    <message>
        <source>{file} is a payment or bank statement, not a list of utility bills; import it as a statement</source>
        <translation>{file} 是支付或银行流水，不是水电费单列表；请按流水导入</translation>
    </message>
    <message>
        <source>{file}: no utility bill header was found (account 户号, period 账期 or start and end dates, usage 用电量/用水量, amount 金额); start from the template</source>
        <translation>{file}：未找到水电费单表头（户号、账期或起止日期、用电量/用水量、金额）；请使用模板</translation>
    </message>
    <message>
        <source>{file} is a PDF; utility bills are imported from CSV or Excel, or typed in by hand</source>
        <translation>{file} 是 PDF；水电费单请从 CSV 或 Excel 导入，或手工录入</translation>
    </message>
    <message>
        <source>{file} is a zip archive, not an Excel workbook</source>
        <translation>{file} 是压缩包，不是 Excel 工作簿</translation>
    </message>
    <message>
        <source>{file} is named .{extension} but is a text file, not what its name says</source>
        <translation>{file} 的扩展名为 .{extension}，实际却是文本文件，与文件名不符</translation>
    </message>
    <message>
        <source>{file} is named .{extension} but is a zip archive, not what its name says</source>
        <translation>{file} 的扩展名为 .{extension}，实际却是压缩包，与文件名不符</translation>
    </message>
    <message>
        <source>{file} is named .{extension} but is an old Office (.xls) file, not what its name says</source>
        <translation>{file} 的扩展名为 .{extension}，实际却是旧版 Office（.xls）文件，与文件名不符</translation>
    </message>
    <message>
        <source>{file} is named .{extension} but is a PDF, not what its name says</source>
        <translation>{file} 的扩展名为 .{extension}，实际却是 PDF 文件，与文件名不符</translation>
    </message>
    <message>
        <source>{file} would unpack to {megabytes} MB; it is refused as a possible zip bomb</source>
        <translation>{file} 解压后将达 {megabytes} MB；疑为压缩炸弹，已拒绝</translation>
    </message>
    <message>
        <source>{file} is damaged or truncated and cannot be opened as an XLSX workbook</source>
        <translation>{file} 已损坏或被截断，无法作为 XLSX 工作簿打开</translation>
    </message>
    <message>
        <source>{file}, line {line}: the CSV cannot be read ({detail})</source>
        <translation>{file} 第 {line} 行：无法读取该 CSV（{detail}）</translation>
    </message>
    <message>
        <source>{file}, line {line}: “{value}” is not 收入, 支出 or /</source>
        <translation>{file} 第 {line} 行：“{value}”不是“收入”“支出”或“/”</translation>
    </message>
    <message>
        <source>Sales receipts</source>
        <translation>销售收入</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>进货</translation>
    </message>
    <message>
        <source>Wages</source>
        <translation>工资</translation>
    </message>
    <message>
        <source>Rent</source>
        <translation>房租</translation>
    </message>
    <message>
        <source>Utilities</source>
        <translation>水电</translation>
    </message>
    <message>
        <source>Taxes</source>
        <translation>税费</translation>
    </message>
    <message>
        <source>Platform fees</source>
        <translation>平台费用</translation>
    </message>
    <message>
        <source>Loans in and out</source>
        <translation>借贷往来</translation>
    </message>
    <message>
        <source>Transfers between own accounts</source>
        <translation>本人账户互转</translation>
    </message>
    <message>
        <source>Personal spending</source>
        <translation>个人消费</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Re-classed by the officer</source>
        <translation>调查员手工改类</translation>
    </message>
    <message>
        <source>The officer&apos;s class for this counterparty</source>
        <translation>调查员为该交易对方设定的类别</translation>
    </message>
    <message>
        <source>Marked as a refund in the export</source>
        <translation>账单中标记为退款</translation>
    </message>
    <message>
        <source>To or from the owner&apos;s own name or account</source>
        <translation>与店主本人姓名或账户往来</translation>
    </message>
    <message>
        <source>Rule {number}</source>
        <translation>规则 {number}</translation>
    </message>
    <message>
        <source>The other side of a transfer between the owner&apos;s accounts</source>
        <translation>店主本人账户互转的另一端</translation>
    </message>
    <message>
        <source>No rule matched</source>
        <translation>无匹配规则</translation>
    </message>
    <message>
        <source>Rule {number}: a keyword is empty</source>
        <translation>规则 {number}：关键词为空</translation>
    </message>
    <message>
        <source>Rule {number}: the smallest amount is above the largest</source>
        <translation>规则 {number}：最小金额大于最大金额</translation>
    </message>
    <message>
        <source>Rule {number} has no keywords and takes every line of its direction; the rules after it ({later}) can never apply to those lines</source>
        <translation>规则 {number} 没有关键词，会吸收该方向的所有交易；其后的规则（{later}）对这些交易永远不会生效</translation>
    </message>
    <message>
        <source>Unknown checklist items: {items}.</source>
        <translation>未知的核查项：{items}。</translation>
    </message>
    <message>
        <source>Write down what the interview found.</source>
        <translation>请记录面谈所见。</translation>
    </message>
    <message>
        <source>The owner has not been interviewed with the identity check done.</source>
        <translation>尚未完成包含身份核实的店主面谈。</translation>
    </message>
    <message>
        <source>Documents still missing: {kinds}. Receive them, or ask a supervisor to waive them.</source>
        <translation>仍缺资料：{kinds}。请收取，或请主管豁免。</translation>
    </message>
    <message>
        <source>Declared sales (CNY {declared}) differ by {percent}% from the CNY {rebuilt} the bills show (more than {threshold}%)</source>
        <translation>申报销售额（人民币 {declared} 元）与账单显示的人民币 {rebuilt} 元相差 {percent}%（超过 {threshold}%）</translation>
    </message>
    <message>
        <source>Declared operating cost (CNY {declared}) differs by {percent}% from the CNY {rebuilt} the bills show (more than {threshold}%)</source>
        <translation>申报经营成本（人民币 {declared} 元）与账单显示的人民币 {rebuilt} 元相差 {percent}%（超过 {threshold}%）</translation>
    </message>
    <message>
        <source>Sales of CNY {declared} are declared but the bills show none</source>
        <translation>申报销售额人民币 {declared} 元，但账单中没有销售</translation>
    </message>
    <message>
        <source>An operating cost of CNY {declared} is declared but the bills show none</source>
        <translation>申报经营成本人民币 {declared} 元，但账单中没有成本</translation>
    </message>
    <message>
        <source>Sales went to {sales}× while electricity use went to {power}× (the last six months against the first six): the meter does not bear out the sales</source>
        <translation>销售额变为 {sales} 倍，而用电量变为 {power} 倍（近六个月对比前六个月）：电表不支持该销售额</translation>
    </message>
    <message>
        <source>The statements end in {month}, {months} months before the application ({applied}): the rebuilt figures describe an earlier year; ask for the last twelve months</source>
        <translation>流水截止于 {month}，早于申请（{applied}）{months} 个月：重建的数字反映的是更早的年份；请索取最近十二个月的流水</translation>
    </message>
    <message>
        <source>The statements cover {covered} of the 12 months; the rebuilt figures are for those months only</source>
        <translation>流水覆盖 12 个月中的 {covered} 个月；重建数字仅反映这些月份</translation>
    </message>
    <message>
        <source>A closed or unpaid order: no money moved</source>
        <translation>已关闭或未付款的订单：无资金往来</translation>
    </message>
    <message>
        <source>Also in an overlapping statement of the same account, counted there</source>
        <translation>同一账户的重叠流水中已有，按该处计</translation>
    </message>
    <message>
        <source>The same payment as in the payment app&apos;s statement, counted there</source>
        <translation>与支付账单中的同一笔款项，按该处计</translation>
    </message>
    <message>
        <source>Outside the 12 months</source>
        <translation>不在 12 个月内</translation>
    </message>
    <message>
        <source>{file} is a scanned PDF (pictures of pages, no text): ask for the bank&apos;s electronic statement (CSV, Excel or text PDF)</source>
        <translation>{file} 是扫描版 PDF（页面图片，无文字）：请索取银行电子流水（CSV、Excel 或文字版 PDF）</translation>
    </message>
    <message>
        <source>{file}, page {page} is a scanned picture among text pages; its rows cannot be read: ask for the bank&apos;s electronic statement</source>
        <translation>{file} 第 {page} 页是夹在文字页中的扫描图片，无法读取：请索取银行电子流水</translation>
    </message>
    <message>
        <source>{file} is a PDF without any text to read (blank, or text drawn as shapes)</source>
        <translation>{file} 是没有可读文字的 PDF（空白，或文字以图形绘制）</translation>
    </message>
    <message>
        <source>{file} is protected by a password; ask the applicant to export it again without a password</source>
        <translation>{file} 有密码保护；请申请人重新导出无密码的文件</translation>
    </message>
    <message>
        <source>{file} is damaged or truncated and cannot be opened as a PDF</source>
        <translation>{file} 已损坏或不完整，无法作为 PDF 打开</translation>
    </message>
    <message>
        <source>{file} has {pages} pages; at most {limit} are read: ask for the statement in shorter periods</source>
        <translation>{file} 有 {pages} 页；最多读取 {limit} 页：请按较短期间索取流水</translation>
    </message>
    <message>
        <source>{file}, page {page}: the PDF&apos;s text cannot be decoded (its font has no character map); ask for the statement as CSV or Excel</source>
        <translation>{file} 第 {page} 页：PDF 文字无法解码（字体缺少字符映射）；请索取 CSV 或 Excel 格式的流水</translation>
    </message>
    <message>
        <source>The usage {value} {unit} is negative</source>
        <translation>用量 {value} {unit} 为负数</translation>
    </message>
    <message>
        <source>{file}, line {line}: the usage {value} {unit} is negative</source>
        <translation>{file} 第 {line} 行：用量 {value} {unit} 为负数</translation>
    </message>
    <message>
        <source>The amount {value} is negative</source>
        <translation>金额 {value} 为负数</translation>
    </message>
    <message>
        <source>{file}, line {line}: the amount {value} is negative</source>
        <translation>{file} 第 {line} 行：金额 {value} 为负数</translation>
    </message>
    <message>
        <source>The period ends on {end}, before it starts on {start}</source>
        <translation>账期结束于 {end}，早于开始日期 {start}</translation>
    </message>
    <message>
        <source>{file}, line {line}: the period ends on {end}, before it starts on {start}</source>
        <translation>{file} 第 {line} 行：账期结束于 {end}，早于开始日期 {start}</translation>
    </message>
    <message>
        <source>The period {start} to {end} is {days} days; a bill covers at most about three months</source>
        <translation>账期 {start} 至 {end} 共 {days} 天；一张账单最多约三个月</translation>
    </message>
    <message>
        <source>{file}, line {line}: the period {start} to {end} is {days} days; a bill covers at most about three months</source>
        <translation>{file} 第 {line} 行：账期 {start} 至 {end} 共 {days} 天；一张账单最多约三个月</translation>
    </message>
    <message>
        <source>Only electricity is split into peak, flat and valley</source>
        <translation>只有电费分峰、平、谷</translation>
    </message>
    <message>
        <source>{file}, line {line}: only electricity is split into peak, flat and valley</source>
        <translation>{file} 第 {line} 行：只有电费分峰、平、谷</translation>
    </message>
    <message>
        <source>Peak, flat and valley add up to {parts} kWh, not the usage {usage} kWh</source>
        <translation>峰、平、谷合计 {parts} 度，与用量 {usage} 度不符</translation>
    </message>
    <message>
        <source>{file}, line {line}: peak, flat and valley add up to {parts} kWh, not the usage {usage} kWh</source>
        <translation>{file} 第 {line} 行：峰、平、谷合计 {parts} 度，与用量 {usage} 度不符</translation>
    </message>
    <message>
        <source>The account number (户号) is missing</source>
        <translation>缺少户号</translation>
    </message>
    <message>
        <source>{file}, line {line}: the account number (户号) is missing</source>
        <translation>{file} 第 {line} 行：缺少户号</translation>
    </message>
    <message>
        <source>{file} has the columns of utility bills but no bill</source>
        <translation>{file} 有水电费单的列，但没有账单</translation>
    </message>
    <message>
        <source>{file}, line {line}: cannot tell whether “{value}” is an electricity or a water bill</source>
        <translation>{file} 第 {line} 行：无法判断“{value}”是电费单还是水费单</translation>
    </message>
    <message>
        <source>{file}, line {line}: “{value}” is not a usage (a number of kWh or m³)</source>
        <translation>{file} 第 {line} 行：“{value}”不是用量（度数或立方米数）</translation>
    </message>
    <message>
        <source>{file}, line {line}: “{value}” is not a billing period (2024-01, or two dates such as 2024-01-05至2024-02-04)</source>
        <translation>{file} 第 {line} 行：“{value}”不是账期（如 2024-01，或 2024-01-05至2024-02-04 这样的两个日期）</translation>
    </message>
    <message>
        <source>{file}, line {line}: the same account and period as line {first}; counted once</source>
        <translation>{file} 第 {line} 行：与第 {first} 行户号和账期相同；只计一次</translation>
    </message>
    <message>
        <source>The customer is on the blacklist ({reason}): it is refused any new loan (R33).</source>
        <translation>该客户在黑名单中（{reason}）：拒绝任何新的贷款（R33）。</translation>
    </message>
    <message>
        <source>The latest rating declines this case; decline it here rather than lend (R17, R20).</source>
        <translation>最新评级结论为拒绝；请在此拒绝，而不是放贷（R17、R20）。</translation>
    </message>
    <message>
        <source>A limit of {limit} is above the {rated} the rating allows (R19); re-score the case on adjusted figures if the business supports more.</source>
        <translation>额度 {limit} 超过评级可给的 {rated}（R19）；如经营情况支持更高额度，请按调整后的数字重新评分。</translation>
    </message>
    <message>
        <source>There are no recommended terms to approve; send the case back to investigation.</source>
        <translation>没有可批准的建议条件；请退回调查。</translation>
    </message>
    <message>
        <source>You hold no approval authority; an administrator sets it.</source>
        <translation>您没有审批权限；由管理员设定。</translation>
    </message>
    <message>
        <source>Give a reason for amending the terms.</source>
        <translation>请填写修改条件的理由。</translation>
    </message>
    <message>
        <source>The loan of case {case} already has entries on its ledger (a draw or a payment): a new approval cannot replace its terms.</source>
        <translation>案件 {case} 的贷款台账已有记录（放款或还款）：新的审批不能替换其条件。</translation>
    </message>
    <message>
        <source>Above your approval authority: open the case and sign it as the first of two.</source>
        <translation>超出您的审批权限：请打开案件，作为第一签签字。</translation>
    </message>
    <message>
        <source>An authority cannot be negative.</source>
        <translation>权限不能为负数。</translation>
    </message>
    <message>
        <source>Only supervisors approve loans.</source>
        <translation>只有主管可以审批贷款。</translation>
    </message>
    <message>
        <source>Only a supervisor may run the close of day.</source>
        <translation>只有主管可以运行日终。</translation>
    </message>
    <message>
        <source>The close of day cannot run ahead of today ({today}).</source>
        <translation>日终不能超前于今天（{today}）运行。</translation>
    </message>
    <message>
        <source>Interviews and documents are recorded while a case is in investigation.</source>
        <translation>面谈和资料在案件处于调查阶段时记录。</translation>
    </message>
    <message>
        <source>Only the case&apos;s investigator or a supervisor records its investigation.</source>
        <translation>只有该案件的调查员或主管可以记录调查。</translation>
    </message>
    <message>
        <source>An interview is recorded after it has taken place.</source>
        <translation>面谈须在发生后记录。</translation>
    </message>
    <message>
        <source>Only a supervisor may waive a document.</source>
        <translation>只有主管可以豁免资料。</translation>
    </message>
    <message>
        <source>Give a reason for waiving the document.</source>
        <translation>请填写豁免资料的理由。</translation>
    </message>
    <message>
        <source>Case {case} has no approved loan.</source>
        <translation>案件 {case} 没有已批准的贷款。</translation>
    </message>
    <message>
        <source>Only finance staff may disburse.</source>
        <translation>只有财务人员可以放款。</translation>
    </message>
    <message>
        <source>Only finance staff may receive repayments.</source>
        <translation>只有财务人员可以收取还款。</translation>
    </message>
    <message>
        <source>Only finance staff may reverse ledger entries.</source>
        <translation>只有财务人员可以冲正台账记录。</translation>
    </message>
    <message>
        <source>Only finance staff may apply or refund a customer&apos;s credit.</source>
        <translation>只有财务人员可以抵扣或退还客户的挂账。</translation>
    </message>
    <message>
        <source>This loan was changed meanwhile (another window or the day-end); it has been reloaded: check the figures and try again.</source>
        <translation>该贷款刚被修改（其他窗口或日终）；已重新载入：请核对数字后重试。</translation>
    </message>
    <message>
        <source>No new draw while the loan is in “{stage}”.</source>
        <translation>贷款处于“{stage}”时不能新增提款。</translation>
    </message>
    <message>
        <source>The loan of case {case} is closed: no new draw can be made on it.</source>
        <translation>案件 {case} 的贷款已结清：不能再放款。</translation>
    </message>
    <message>
        <source>The limit&apos;s period ends on {until}: too late for a new draw.</source>
        <translation>额度有效期于 {until} 结束：已不能新增提款。</translation>
    </message>
    <message>
        <source>The whole limit of {limit} is drawn: repay before drawing again.</source>
        <translation>额度 {limit} 已全部提用：请还款后再提款。</translation>
    </message>
    <message>
        <source>The business already owes {owed}, the cap of {cap} across its loans (other loans: {elsewhere}): no new draw until it repays.</source>
        <translation>该企业已欠 {owed}，已达其全部贷款合计上限 {cap}（其他贷款：{elsewhere}）：还款前不能再放款。</translation>
    </message>
    <message>
        <source>The approval fixed the repayment plan as “{plan}”; a draw takes that plan and cannot change it.</source>
        <translation>审批已确定还款方式为“{plan}”；放款沿用该方式，不能更改。</translation>
    </message>
    <message>
        <source>A draw made today may run 1 to {longest} months (it must fall due by {until}).</source>
        <translation>今天的提款期限为 1 至 {longest} 个月（须在 {until} 前到期）。</translation>
    </message>
    <message>
        <source>This draw would take the customer&apos;s outstanding principal to {total}, above the cap of {cap} (other loans: {elsewhere}).</source>
        <translation>本次提款将使客户未还本金达到 {total}，超过上限 {cap}（其他贷款：{elsewhere}）。</translation>
    </message>
    <message>
        <source>{on} is after today ({today}): money cannot be received in advance.</source>
        <translation>{on} 晚于今天（{today}）：不能预先收款。</translation>
    </message>
    <message>
        <source>The loan of case {case} is closed: it takes no more payments.</source>
        <translation>案件 {case} 的贷款已结清：不再收款。</translation>
    </message>
    <message>
        <source>{amount} is {excess} more than is owed ({owed}); enter at most {owed}, or hold the excess as a credit for the customer.</source>
        <translation>{amount} 比欠款（{owed}）多 {excess}；请最多输入 {owed}，或将多余部分作为客户的存款保留。</translation>
    </message>
    <message>
        <source>Give a reason for the reversal.</source>
        <translation>请填写冲正理由。</translation>
    </message>
    <message>
        <source>This loan is closed; a payment that settled it cannot be reversed here.</source>
        <translation>该贷款已结清；结清它的还款不能在此冲正。</translation>
    </message>
    <message>
        <source>No credit is held for the customer.</source>
        <translation>客户没有挂账。</translation>
    </message>
    <message>
        <source>The loan of case {case} is closed: its credit can only be refunded.</source>
        <translation>案件 {case} 的贷款已结清：其挂账只能退还。</translation>
    </message>
    <message>
        <source>Nothing is owed: the credit of {credit} can only be refunded.</source>
        <translation>已无欠款：挂账 {credit} 只能退还。</translation>
    </message>
    <message>
        <source>The credit of {credit} is not more than what is owed ({owed}): nothing to refund; it settles what falls due, or may repay early.</source>
        <translation>挂账 {credit} 不超过欠款（{owed}）：无可退还；它将抵扣到期款项，也可用于提前还款。</translation>
    </message>
    <message>
        <source>Give a reason for the refund.</source>
        <translation>请说明退还原因。</translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>第 {line} 行</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <source>page {page}, row {row}</source>
        <translation>第 {page} 页第 {row} 行</translation>
    </message>
    <message>
        <source>Only a supervisor may change the classification rules.</source>
        <translation>只有主管可以修改分类规则。</translation>
    </message>
    <message>
        <source>The classification rules were changed meanwhile (version {version}, by {by} at {at}); reload them and make your change again.</source>
        <translation>分类规则刚被修改（第 {version} 版，{by} 于 {at}）；请重新载入后再修改。</translation>
    </message>
    <message>
        <source>The rule list cannot be saved: {problems}</source>
        <translation>规则列表无法保存：{problems}</translation>
    </message>
    <message>
        <source>Say why the rules change.</source>
        <translation>请说明修改规则的理由。</translation>
    </message>
    <message>
        <source>Line {line} of that file is not on case {case}.</source>
        <translation>该文件的第 {line} 行不在案件 {case} 中。</translation>
    </message>
    <message>
        <source>Name the counterparty to re-class.</source>
        <translation>请指明要改类的交易对方。</translation>
    </message>
    <message>
        <source>Say why the figures are adjusted.</source>
        <translation>请说明调整数字的理由。</translation>
    </message>
    <message>
        <source>Adjust at least one figure.</source>
        <translation>请至少调整一项数字。</translation>
    </message>
    <message>
        <source>Adjusted annual sales must be above zero.</source>
        <translation>调整后的年销售额必须大于零。</translation>
    </message>
    <message>
        <source>The adjusted figures cannot be used; correct: {figures}</source>
        <translation>调整后的数字不能使用，请更正：{figures}</translation>
    </message>
    <message>
        <source>{file} is already on this case (uploaded as {first} by {by} at {at}); nothing was added</source>
        <translation>{file} 已在本案件中（{by} 于 {at} 以 {first} 上传）；未重复添加</translation>
    </message>
    <message>
        <source>{file} cannot be read: {error}</source>
        <translation>{file} 无法读取：{error}</translation>
    </message>
    <message>
        <source>That document is not on case {case}.</source>
        <translation>该资料不在案件 {case} 中。</translation>
    </message>
    <message>
        <source>An electricity bill of account {account} for {start} to {end} is already on this case</source>
        <translation>户号 {account} 在 {start} 至 {end} 的电费单已在本案件中</translation>
    </message>
    <message>
        <source>A water bill of account {account} for {start} to {end} is already on this case</source>
        <translation>户号 {account} 在 {start} 至 {end} 的水费单已在本案件中</translation>
    </message>
    <message>
        <source>That utility bill is not on case {case}.</source>
        <translation>该水电费单不在案件 {case} 中。</translation>
    </message>
    <message>
        <source>That bill came from {file}; remove the file instead of one of its bills</source>
        <translation>该账单来自 {file}；请删除该文件，而不是其中一张账单</translation>
    </message>
    <message>
        <source>Give a reason for removing it.</source>
        <translation>请填写删除理由。</translation>
    </message>
    <message>
        <source>{file} ends on {end}, {months} months before the application ({applied}); the rebuilt statement needs the last twelve months</source>
        <translation>{file} 截止于 {end}，早于申请（{applied}）{months} 个月；重建报表需要最近十二个月的流水</translation>
    </message>
    <message>
        <source>Only the case&apos;s investigator or a supervisor opens its original documents.</source>
        <translation>只有该案件的调查员或主管可以打开其原始资料。</translation>
    </message>
    <message>
        <source>The column mapping for {file} was changed or deleted while the file was read; nothing was stored. Upload it again.</source>
        <translation>读取 {file} 期间其列对应被修改或删除；什么都没有保存。请重新上传。</translation>
    </message>
    <message>
        <source>The mapping was not saved: {file} (case {case}) was read with the earlier mapping and cannot be read with this one: {why}. Nothing was changed.</source>
        <translation>列对应未保存：{file}（案件 {case}）按原对应读取，用此对应读不了：{why}。没有任何改动。</translation>
    </message>
    <message>
        <source>{file} was read with an earlier column mapping for case {case}, which is past investigation: its lines are part of that case and stay as they were read, so the file cannot be read with the current mapping here. Nothing was stored.</source>
        <translation>{file} 曾按较早的列对应为案件 {case} 读取，该案件已过调查阶段：其流水属于该案件，保持原读取结果，因此这里不能按现在的对应读取该文件。什么都没有保存。</translation>
    </message>
    <message>
        <source>Choose the column that holds the date.</source>
        <translation>请选择日期所在的列。</translation>
    </message>
    <message>
        <source>Choose the column that holds the amount.</source>
        <translation>请选择金额所在的列。</translation>
    </message>
    <message>
        <source>Choose the income column and the expense column.</source>
        <translation>请选择收入列和支出列。</translation>
    </message>
    <message>
        <source>Choose the amount column and the debit/credit column.</source>
        <translation>请选择金额列和借贷标志列。</translation>
    </message>
    <message>
        <source>Give the words that mark a debit and those that mark a credit.</source>
        <translation>请填写表示借方（支出）和贷方（收入）的标志词。</translation>
    </message>
    <message>
        <source>“{word}” cannot mark both a debit and a credit.</source>
        <translation>“{word}”不能既表示借方又表示贷方。</translation>
    </message>
    <message>
        <source>Column “{column}” is chosen for two things.</source>
        <translation>“{column}”列被选作了两项内容。</translation>
    </message>
    <message>
        <source>The header row has no column {number}.</source>
        <translation>表头行没有第 {number} 列。</translation>
    </message>
    <message>
        <source>{file}: the column mapping cannot be used ({why}); map the columns again</source>
        <translation>{file}：列对应关系无法使用（{why}）；请重新对应各列</translation>
    </message>
    <message>
        <source>{file}, line {line}: “{value}” is neither a debit word ({debit}) nor a credit word ({credit}) of the column mapping</source>
        <translation>{file} 第 {line} 行：“{value}”既不是列对应关系中的借方标志（{debit}），也不是贷方标志（{credit}）</translation>
    </message>
    <message>
        <source>{file}, line {line}: this row is not the header of the column mapping</source>
        <translation>{file} 第 {line} 行：这一行不是列对应关系的表头</translation>
    </message>
    <message>
        <source>Only investigators and supervisors save column mappings.</source>
        <translation>只有调查员和主管可以保存列对应关系。</translation>
    </message>
    <message>
        <source>Name the bank whose statements use this layout.</source>
        <translation>请填写使用这种格式的银行名称。</translation>
    </message>
    <message>
        <source>That column mapping is no longer saved.</source>
        <translation>该列对应已不再保存。</translation>
    </message>
    <message>
        <source>A saved mapping keeps its header row; to map another header row, upload a file that has it.</source>
        <translation>已保存的对应保留其表头行；要对应另一种表头行，请上传含有该表头行的文件。</translation>
    </message>
    <message>
        <source>Only a supervisor deletes a column mapping.</source>
        <translation>只有主管可以删除列对应。</translation>
    </message>
</context>
</TS>
